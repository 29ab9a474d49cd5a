#include "tools/newsgraph/cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace newsgraph::cli {

bool Args::Parse(const CommandSpec& spec, int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      help_ = true;
      continue;
    }
    if (a == "--") {
      for (++i; i < argc; ++i) positional_.push_back(argv[i]);
      break;
    }
    if (a.size() > 2 && a.starts_with("--")) {
      std::string name = a.substr(2), value;
      bool has_value = false;
      if (size_t eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      const OptionSpec* o = nullptr;
      for (const auto& s : spec.options) {
        if (s.name == name) o = &s;
      }
      if (!o) {
        std::cerr << "newsgraph " << spec.name << ": unknown option --" << name
                  << " (see newsgraph " << spec.name << " --help)\n";
        return false;
      }
      if (!o->value.empty() && !has_value) {
        if (i + 1 >= argc) {
          std::cerr << "newsgraph " << spec.name << ": --" << name << " needs a value ("
                    << o->value << ")\n";
          return false;
        }
        value = argv[++i];
      } else if (o->value.empty() && has_value) {
        std::cerr << "newsgraph " << spec.name << ": --" << name << " takes no value\n";
        return false;
      }
      if (!o->repeatable) values_.erase(name);
      values_.emplace(name, value);
      continue;
    }
    positional_.push_back(a);
  }
  return true;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  std::vector<std::string> out;
  auto [b, e] = values_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

void PrintHelp(const CommandSpec& spec) {
  std::cout << "usage: newsgraph " << spec.usage << "\n\n" << spec.summary << "\n";
  if (spec.options.empty()) return;
  std::cout << "\noptions:\n";
  for (const auto& o : spec.options) {
    std::string left = "  --" + o.name + (o.value.empty() ? "" : " " + o.value);
    if (left.size() < 26) left.resize(26, ' ');
    else left += "\n" + std::string(26, ' ');
    std::cout << left << o.help << "\n";
  }
}

OptionSpec DbOption() {
  return {"db", "DIR", "database directory (default ./newsgraph.db)"};
}

std::string DbPath(const Args& args) { return args.Get("db", "./newsgraph.db"); }

int Fail(const Status& s) {
  std::cerr << "newsgraph: " << s.message() << "\n";
  switch (s.code()) {
    case Status::Code::kInvalidArgument: return 2;
    case Status::Code::kBusy: return 3;
    case Status::Code::kNotFound: return 4;
    case Status::Code::kResourceExhausted: return 5;
    default: return 1;
  }
}

int Fail(const std::string& message) {
  std::cerr << "newsgraph: " << message << "\n";
  return 2;
}

std::unique_ptr<Database> OpenDatabase(const Args& args, bool read_only) {
  Options o;
  o.read_only = read_only;
  auto db = Database::Open(o, DbPath(args));
  if (!db.ok()) {
    Fail(db.status());
    return nullptr;
  }
  return std::move(db).value();
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string WithCommas(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string HumanBytes(uint64_t n) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), tty_(isatty(STDERR_FILENO)), start_ms_(NowMs()) {}

ProgressBar::~ProgressBar() { Done(); }

bool ProgressBar::Update(const Progress& p) {
  if (!tty_) return true;
  int64_t now = NowMs();
  if (now - last_ms_ < 100) return true;
  last_ms_ = now;
  double secs = std::max<double>(0.001, static_cast<double>(now - start_ms_) / 1000.0);
  std::string line = label_ + " " + p.phase;
  bool bytes = std::string(p.unit) == "bytes";
  auto fmt = [&](uint64_t v) { return bytes ? HumanBytes(v) : WithCommas(v); };
  if (p.total > 0) {
    double frac = std::min(1.0, static_cast<double>(p.done) / static_cast<double>(p.total));
    int width = 30;
    int filled = static_cast<int>(frac * width);
    line += " [" + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(width - filled), '.') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3.0f%% ", frac * 100);
    line += pct + fmt(p.done) + "/" + fmt(p.total);
  } else if (p.done > 0) {
    line += " " + fmt(p.done);
  }
  if (p.done > 0) {
    double rate = static_cast<double>(p.done) / secs;
    line += "  " + (bytes ? HumanBytes(static_cast<uint64_t>(rate)) : WithCommas(static_cast<uint64_t>(rate))) +
            (bytes ? "/s" : std::string(" ") + p.unit + "/s");
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
  return true;
}

void ProgressBar::Done() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace newsgraph::cli
