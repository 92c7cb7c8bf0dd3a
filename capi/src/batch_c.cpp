// extern "C" shims for batch composition: rapport_compose_all and the batch
// handle, with per-item notes (borrowed rapport_note handles) and flat arrays
// for bindings (rapport_batch_view).
#include "capi_internal.hpp"

namespace rapport::capi {
namespace {

// Appends `s` and its NUL to `buffer`, and the next start to `offsets`.
void append_nul_terminated(std::string &buffer, std::vector<std::size_t> &offsets, std::string_view s) {
  buffer.append(s);
  buffer.push_back('\0');
  offsets.push_back(buffer.size());
}

// Reads the recipient ids of rapport_compose_all; every one is checked first.
int read_ids(const char *const *ids, const size_t *lens, std::size_t count, std::vector<std::string> &out) {
  if (count == 0) return RAPPORT_OK;
  if (ids == nullptr) return fail(RAPPORT_EINVAL, "recipient_ids is NULL but count is not 0 (NULL means every contact: pass count 0)");
  if (lens == nullptr) return fail(RAPPORT_EINVAL, "id_lens is NULL but count is not 0");
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string what = "recipient_ids[" + std::to_string(i) + "]";
    if (int s = check_text(ids[i], lens[i], what.c_str())) return s;
    out.emplace_back(view(ids[i], lens[i]));
  }
  return RAPPORT_OK;
}

const rapport_batch *checked_batch(const rapport_batch *batch, int &status) {
  status = check_handle(batch, "batch");
  return status == RAPPORT_OK ? batch : nullptr;
}

} // namespace
} // namespace rapport::capi

using namespace rapport::capi;

extern "C" {

int rapport_compose_all(const rapport_directory *dir, const rapport_contact *sender, const char *const *recipient_ids,
                        const size_t *id_lens, size_t count, int64_t now_unix, const rapport_compose_options *opts,
                        unsigned threads, rapport_batch **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_handle(sender, "sender")) return s;
    rapport::compose_options o;
    if (int s = read_compose_options(opts, now_unix, o)) return s;
    std::vector<std::string> ids;
    if (int s = read_ids(recipient_ids, id_lens, count, ids)) return s;

    auto batch = std::make_unique<rapport_batch>();
    batch->magic = rapport_batch::expected_magic;
    // The recipients in input order; with no list, what compose_all takes:
    // every contact but the sender, in directory order.
    if (recipient_ids == nullptr) {
      for (const auto &c : dir->value.contacts())
        if (c.id != sender->value.id) ids.push_back(c.id);
    } else if (count == 0) {  // an empty list: an empty batch (compose_all would take every contact)
      batch->text_offsets.push_back(0);
      batch->id_offsets.push_back(0);
      *out = batch.release();
      return RAPPORT_OK;
    }
    auto composed = rapport::compose_all(dir->value, sender->value, ids, o, threads);
    if (!composed) return fail(composed.error());
    auto &items = composed->items;
    if (items.size() != ids.size())
      return fail(RAPPORT_EINTERNAL, "compose_all returned " + std::to_string(items.size()) + " items for " +
                                         std::to_string(ids.size()) + " recipients");

    const std::size_t n = items.size();
    batch->count = n;
    batch->notes = std::make_unique<rapport_note[]>(n);
    batch->statuses.resize(n);
    batch->messages.resize(n);
    batch->text_offsets.reserve(n + 1);
    batch->id_offsets.reserve(n + 1);
    batch->text_offsets.push_back(0);
    batch->id_offsets.push_back(0);
    std::size_t text_bytes = 0, id_bytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (items[i] && items[i]->status == rapport::errc::ok) text_bytes += items[i]->note.text.size();
      id_bytes += ids[i].size();
    }
    batch->texts.reserve(text_bytes + n);
    batch->ids.reserve(id_bytes + n);
    for (std::size_t i = 0; i < n; ++i) {
      auto &item = items[i];
      append_nul_terminated(batch->ids, batch->id_offsets, ids[i]);
      if (!item) {
        batch->statuses[i] = status_of(item.error().code);
        batch->messages[i] = std::move(item.error().message);
        append_nul_terminated(batch->texts, batch->text_offsets, {});
        continue;
      }
      batch->messages[i] = std::move(item->message);
      rapport_note &note = batch->notes[i];
      fill_note(note, std::move(*item));
      note.borrowed = true;
      batch->statuses[i] = note.status;
      append_nul_terminated(batch->texts, batch->text_offsets, note.note.text);
    }
    batch->warnings = std::move(composed->warnings);
    *out = batch.release();
    return RAPPORT_OK;
  });
}

void rapport_batch_free(rapport_batch *batch) { destroy(batch); }

int rapport_batch_count(const rapport_batch *batch, size_t *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_out(out))) return s;
    *out = batch->count;
    return RAPPORT_OK;
  });
}

int rapport_batch_item(const rapport_batch *batch, size_t index, int *out_status, rapport_str *out_recipient_id,
                       rapport_str *out_message) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_index(index, batch->count))) return s;
    if (out_status != nullptr) *out_status = batch->statuses[index];
    if (out_recipient_id != nullptr) {
      out_recipient_id->data = batch->ids.data() + batch->id_offsets[index];
      out_recipient_id->len = batch->id_offsets[index + 1] - batch->id_offsets[index] - 1;
    }
    if (out_message != nullptr) borrow(batch->messages[index], out_message);
    return RAPPORT_OK;
  });
}

int rapport_batch_note(const rapport_batch *batch, size_t index, const rapport_note **out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_out(out))) return s;
    *out = nullptr;
    if ((s = check_index(index, batch->count))) return s;
    const int status = batch->statuses[index];
    if (status != RAPPORT_OK && status != RAPPORT_ENOCONTEXT)
      return fail(status, "item " + std::to_string(index) + ": " + batch->messages[index]);
    *out = &batch->notes[index];
    return RAPPORT_OK;
  });
}

void rapport_batch_view_init(rapport_batch_view *view) {
  if (view == nullptr) return;
  *view = rapport_batch_view{};
  view->size = sizeof(rapport_batch_view);
}

int rapport_batch_view_get(const rapport_batch *batch, rapport_batch_view *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_out(out))) return s;
    if ((s = check_size(out, "out", "rapport_batch_view_init"))) return s;
    out->count = batch->count;
    out->statuses = batch->statuses.data();
    out->texts = batch->texts.c_str();
    out->texts_len = batch->texts.size();
    out->text_offsets = batch->text_offsets.data();
    out->recipient_ids = batch->ids.c_str();
    out->recipient_ids_len = batch->ids.size();
    out->recipient_id_offsets = batch->id_offsets.data();
    return RAPPORT_OK;
  });
}

int rapport_batch_warning_count(const rapport_batch *batch, size_t *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_out(out))) return s;
    *out = batch->warnings.size();
    return RAPPORT_OK;
  });
}

int rapport_batch_warning(const rapport_batch *batch, size_t index, rapport_str *out_code, rapport_str *out_slot,
                          size_t *out_count, rapport_str *out_message) {
  return guarded([&]() -> int {
    int s;
    if (!checked_batch(batch, s)) return s;
    if ((s = check_index(index, batch->warnings.size()))) return s;
    const rapport::batch_warning &w = batch->warnings[index];
    if (out_code != nullptr) borrow(w.code, out_code);
    if (out_slot != nullptr) borrow(w.slot, out_slot);
    if (out_count != nullptr) *out_count = w.count;
    if (out_message != nullptr) borrow(w.message, out_message);
    return RAPPORT_OK;
  });
}

} // extern "C"
