// Database::Ingest: a reader thread, N extraction workers, and the calling
// thread as the one writer. Results go through a reorder buffer so that
// batches are committed in input order (term and article ids do not depend
// on thread timing); the number of articles in flight is bounded, so memory
// does not grow with the input.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "api/database_impl.h"
#include "api/ingest_writer.h"
#include "newsgraph/database.h"

namespace newsgraph {

namespace {

struct Done {
  Article article;
  Result<Extraction> extraction;
};

class Pipeline {
 public:
  Pipeline(graph::Store* store, const Extractor& ex, const IngestOptions& o, IngestStats* stats)
      : ex_(ex), o_(o), stats_(stats), writer_(store, ex, o, stats) {
    threads_ = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads_ = std::max(1, threads_);
    batch_ = std::max<size_t>(1, o.batch_articles);
    window_ = 2 * batch_ + 16 * static_cast<size_t>(threads_);
  }

  Status Run(const std::vector<std::string>& paths) {
    std::thread reader([&] { Read(paths); });
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([&] { Work(); });
    Status s = Write();
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    reader.join();
    for (auto& w : workers) w.join();
    DeliverMessages();
    if (s.ok()) s = read_status_;
    return s;
  }

 private:
  void Read(const std::vector<std::string>& paths) {
    ReadStats rs;
    Status s = ReadArticles(
        paths, o_.read,
        [&](Article&& a) -> Status {
          std::unique_lock<std::mutex> l(mu_);
          cv_.wait(l, [&] { return stop_ || read_ - written_ < window_; });
          if (stop_) return Status::Aborted("ingest stopped");
          in_.emplace_back(read_++, std::move(a));
          cv_.notify_all();
          return Status::OK();
        },
        [&](const std::string& problem) {
          std::lock_guard<std::mutex> l(mu_);
          messages_.push_back(problem);
          ++failed_reads_;
          cv_.notify_all();
        },
        &rs);
    std::lock_guard<std::mutex> l(mu_);
    reading_done_ = true;
    if (!s.ok() && !stop_) read_status_ = s;
    cv_.notify_all();
  }

  void Work() {
    for (;;) {
      std::pair<uint64_t, Article> job;
      {
        std::unique_lock<std::mutex> l(mu_);
        cv_.wait(l, [&] { return stop_ || !in_.empty() || reading_done_; });
        if (stop_ || in_.empty()) return;
        job = std::move(in_.front());
        in_.pop_front();
      }
      Result<Extraction> x = ex_.Extract(job.second);
      std::lock_guard<std::mutex> l(mu_);
      done_.emplace(job.first, Done{std::move(job.second), std::move(x)});
      cv_.notify_all();
    }
  }

  void DeliverMessages() {
    std::vector<std::string> msgs;
    {
      std::lock_guard<std::mutex> l(mu_);
      msgs.swap(messages_);
      stats_->failed += failed_reads_;
      failed_reads_ = 0;
    }
    if (o_.skipped) {
      for (const auto& m : msgs) o_.skipped(m);
    }
  }

  Status Commit() {
    NG_RETURN_IF_ERROR(writer_.Flush());
    if (o_.progress) {
      Progress p;
      p.phase = "ingest";
      p.done = stats_->articles + stats_->failed;
      p.unit = "articles";
      if (!o_.progress(p)) return Status::Aborted("ingest stopped by the progress callback");
    }
    return Status::OK();
  }

  Status Write() {
    for (;;) {
      Done d{Article(), Result<Extraction>(Status::Internal("unset"))};
      bool have = false, finished = false;
      {
        std::unique_lock<std::mutex> l(mu_);
        cv_.wait(l, [&] {
          return done_.count(written_) || (reading_done_ && written_ == read_) || !messages_.empty();
        });
        auto it = done_.find(written_);
        if (it != done_.end()) {
          d = std::move(it->second);
          done_.erase(it);
          ++written_;
          have = true;
          cv_.notify_all();
        } else {
          finished = reading_done_ && written_ == read_ && messages_.empty();
        }
      }
      DeliverMessages();
      if (finished) break;
      if (!have) continue;
      if (!d.extraction.ok()) {
        ++stats_->failed;
        if (o_.skipped) {
          o_.skipped(d.article.input + ": " + d.extraction.status().message() + "; skipped");
        }
        continue;
      }
      ++stats_->articles;
      stats_->bytes += d.article.text.size() + d.article.title.size();
      writer_.Add(std::move(d.article), std::move(d.extraction).value());
      if (writer_.pending() >= batch_) NG_RETURN_IF_ERROR(Commit());
    }
    return Commit();
  }

  const Extractor& ex_;
  const IngestOptions& o_;
  IngestStats* stats_;
  api_internal::IngestWriter writer_;
  int threads_ = 1;
  size_t batch_ = 64, window_ = 256;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<uint64_t, Article>> in_;
  std::map<uint64_t, Done> done_;
  uint64_t read_ = 0, written_ = 0;
  bool reading_done_ = false, stop_ = false;
  std::vector<std::string> messages_;
  uint64_t failed_reads_ = 0;
  Status read_status_;
};

// The extractor for `o`: the given one, the cached one, or a new one.
Result<std::shared_ptr<const Extractor>> ExtractorFor(Database::Impl* impl, const IngestOptions& o) {
  if (o.extractor_instance) {
    return std::shared_ptr<const Extractor>(o.extractor_instance, [](const Extractor*) {});
  }
  std::lock_guard<std::mutex> l(impl->extractor_mutex);
  const ExtractorOptions& x = o.extractor;
  if (impl->extractor && impl->extractor_dirs == x.lexicon_dirs &&
      impl->extractor_builtin == x.builtin_lexicon &&
      impl->extractor_provisional == x.provisional_entities) {
    return impl->extractor;
  }
  NG_ASSIGN_OR_RETURN(std::unique_ptr<Extractor> ex, Extractor::Create(x));
  impl->extractor = std::shared_ptr<const Extractor>(std::move(ex));
  impl->extractor_dirs = x.lexicon_dirs;
  impl->extractor_builtin = x.builtin_lexicon;
  impl->extractor_provisional = x.provisional_entities;
  return impl->extractor;
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

Status Database::Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                        IngestStats* stats) {
  IngestStats local;
  if (!stats) stats = &local;
  *stats = IngestStats();
  auto t0 = std::chrono::steady_clock::now();
  if (impl_->store->read_only()) return Status::InvalidArgument("the store is open read-only");
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const Extractor> ex, ExtractorFor(impl_.get(), options));
  Pipeline p(impl_->store.get(), *ex, options, stats);
  Status s = p.Run(paths);
  stats->seconds = Since(t0);
  return s;
}

Status Database::Ingest(const Article& article, const IngestOptions& options, IngestStats* stats) {
  IngestStats local;
  if (!stats) stats = &local;
  *stats = IngestStats();
  auto t0 = std::chrono::steady_clock::now();
  if (impl_->store->read_only()) return Status::InvalidArgument("the store is open read-only");
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const Extractor> ex, ExtractorFor(impl_.get(), options));
  api_internal::IngestWriter writer(impl_->store.get(), *ex, options, stats);
  auto x = ex->Extract(article);
  if (!x.ok()) {
    ++stats->failed;
    stats->seconds = Since(t0);
    return x.status().WithContext(article.input.empty() ? "article" : article.input);
  }
  ++stats->articles;
  stats->bytes += article.text.size() + article.title.size();
  writer.Add(article, std::move(x).value());
  Status s = writer.Flush();
  stats->seconds = Since(t0);
  return s;
}

}  // namespace newsgraph
