// The subcommands of `newsgraph`. Each returns the process exit code.
#pragma once

namespace newsgraph::cli {

int RunImport(int argc, char** argv);
int RunExport(int argc, char** argv);
int RunStats(int argc, char** argv);
int RunCheck(int argc, char** argv);
int RunForget(int argc, char** argv);
int RunCompact(int argc, char** argv);

}  // namespace newsgraph::cli
