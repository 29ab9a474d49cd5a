// Terminal tables. Each cell that holds right-to-left text is wrapped, line
// by line, in a directional isolate (RLI or LRI … PDI) with the direction of
// the whole cell: a terminal that applies the bidi algorithm then reorders
// the cell inside its own borders and nothing around it, and one that does
// not sees zero-width characters. Padding stays outside the isolate, so
// widths hold either way.
#include "query/output/table.h"

#include <algorithm>
#include <string>
#include <vector>

#include "query/output/text_width.h"

namespace newsgraph::output {

namespace {

constexpr const char* kLri = "\u2066";
constexpr const char* kRli = "\u2067";
constexpr const char* kPdi = "\u2069";

struct Cell {
  std::vector<std::string> lines;  // after cutting or wrapping
  std::string text;                // before
  bool right = false;              // numbers and right-to-left text align right
  bool rtl = false;                // holds right-to-left letters
  Direction direction = Direction::kNeutral;
};

Cell MakeCell(std::string text, bool number, bool markdown, bool wrap) {
  Cell c;
  if (markdown) {
    // Markdown rows are one line each; a bar would end the cell.
    for (char& ch : text) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    std::string esc;
    for (char ch : text) {
      if (ch == '|') esc += "\\";
      esc.push_back(ch);
    }
    c.text = std::move(esc);
  } else {
    c.text = TerminalSafe(text, wrap);
  }
  c.rtl = !markdown && HasRtl(c.text);
  c.direction = c.rtl ? FirstStrong(c.text) : Direction::kLtr;
  c.right = !markdown && (number || (c.rtl && c.direction == Direction::kRtl));
  return c;
}

size_t NaturalWidth(const Cell& c, bool wrap) {
  if (!wrap) return DisplayWidth(c.text);
  size_t w = 0;
  for (const auto& l : WrapToWidth(c.text, 0)) w = std::max(w, DisplayWidth(l));
  return w;
}

// Narrows the widest columns, one column at a time, until the table fits
// `max_width` terminal columns or no column can give more.
void FitWidths(std::vector<size_t>* widths, size_t max_width) {
  constexpr size_t kMinColumn = 5;
  auto total = [&] {
    size_t t = 1;
    for (size_t w : *widths) t += w + 3;
    return t;
  };
  while (total() > max_width) {
    auto widest = std::max_element(widths->begin(), widths->end());
    if (widest == widths->end() || *widest <= kMinColumn) return;
    --*widest;
  }
}

void Layout(Cell* c, size_t width, bool wrap) {
  if (wrap) c->lines = WrapToWidth(c->text, width);
  else c->lines = {CutToWidth(c->text, width)};
}

}  // namespace

void WriteTable(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows,
                const WriteOptions& options) {
  const bool box = format == OutputFormat::kBox;
  const bool md = format == OutputFormat::kMarkdown;
  const bool wrap = options.wrap && !md;
  const auto& cols = cursor->columns();

  std::vector<Cell> header;
  for (const auto& name : cols) header.push_back(MakeCell(name, false, md, wrap));
  std::vector<std::vector<Cell>> body;
  Row row;
  uint64_t n = 0;
  while (cursor->Next(&row)) {
    std::vector<Cell> r;
    for (const Value& v : row) r.push_back(MakeCell(v.ToString(), v.IsNumber(), md, wrap));
    r.resize(cols.size());
    body.push_back(std::move(r));
    ++n;
  }

  // Column widths: the widest cell, capped by max_cell_width, then narrowed
  // to fit max_width.
  std::vector<size_t> width(cols.size(), 0);
  for (size_t i = 0; i < cols.size(); ++i) {
    width[i] = NaturalWidth(header[i], wrap);
    for (const auto& r : body) width[i] = std::max(width[i], NaturalWidth(r[i], wrap));
    if (options.max_cell_width > 0) width[i] = std::min(width[i], std::max<size_t>(options.max_cell_width, 1));
  }
  if (options.max_width > 0 && !md) FitWidths(&width, options.max_width);
  for (size_t i = 0; i < cols.size(); ++i) {
    Layout(&header[i], width[i], wrap);
    for (auto& r : body) Layout(&r[i], width[i], wrap);
    // Cutting can leave every cell narrower than the cap.
    size_t w = 0;
    for (const auto& l : header[i].lines) w = std::max(w, DisplayWidth(l));
    for (const auto& r : body) {
      for (const auto& l : r[i].lines) w = std::max(w, DisplayWidth(l));
    }
    width[i] = w;
  }

  auto rule = [&](const char* l, const char* m, const char* r, const char* fill) {
    out << l;
    for (size_t i = 0; i < cols.size(); ++i) {
      for (size_t k = 0; k < width[i] + 2; ++k) out << fill;
      out << (i + 1 < cols.size() ? m : r);
    }
    out << "\n";
  };
  auto print_row = [&](const std::vector<Cell>& r) {
    const char* bar = box ? "│" : "|";
    size_t height = 1;
    for (const auto& c : r) height = std::max(height, c.lines.size());
    for (size_t k = 0; k < height; ++k) {
      out << bar;
      for (size_t i = 0; i < r.size(); ++i) {
        const Cell& c = r[i];
        const std::string& text = k < c.lines.size() ? c.lines[k] : std::string();
        std::string pad(width[i] - DisplayWidth(text), ' ');
        out << " ";
        if (c.right) out << pad;
        if (c.rtl && !text.empty()) out << (c.direction == Direction::kRtl ? kRli : kLri) << text << kPdi;
        else out << text;
        if (!c.right) out << pad;
        out << " " << bar;
      }
      out << "\n";
    }
  };
  if (box) rule("┌", "┬", "┐", "─");
  else if (!md) rule("+", "+", "+", "-");
  print_row(header);
  if (box) rule("├", "┼", "┤", "─");
  else rule(md ? "|" : "+", md ? "|" : "+", md ? "|" : "+", "-");
  for (const auto& r : body) print_row(r);
  if (box) rule("└", "┴", "┘", "─");
  else if (!md) rule("+", "+", "+", "-");
  if (!md) out << "(" << n << (n == 1 ? " row)" : " rows)") << "\n";
  if (rows) *rows = n;
}

}  // namespace newsgraph::output
