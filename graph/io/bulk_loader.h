// The bulk path of import: sorted SST files for every column family, ingested
// in one atomic step (SstFileWriter + IngestExternalFiles), as the fastest RDF
// loaders do.
#pragma once

#include "graph/io/record_set.h"
#include "graph/store/store.h"
#include "newsgraph/options.h"

namespace newsgraph::graph {

// REQUIRES: the store holds no facts or mentions (the files must not overlap
// existing index entries whose summaries they would overwrite); the caller
// holds the write mutex.
Status BulkLoad(Store* store, const RecordSet& rs, const ImportOptions& options,
                ImportStats* stats);

}  // namespace newsgraph::graph
