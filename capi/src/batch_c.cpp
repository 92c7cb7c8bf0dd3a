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
    batch->text_offsets.push_back(0);
    batch->id_offsets.push_back(0);
    if (recipient_ids != nullptr && count == 0) {  // an empty list: an empty batch (compose_all would take every contact)
      *out = batch.release();
      return RAPPORT_OK;
    }
    // With no list, compose_all takes every contact but the sender, in
    // directory order: the same ids, without looking each one up.
    auto composed = rapport::compose_all(dir->value, sender->value, ids, o, threads);
    if (!composed) return fail(composed.error());
    batch->items = std::move(composed->items);
    batch->warnings = std::move(composed->warnings);
    const std::size_t n = batch->items.size();
    batch->count = n;
    batch->statuses.resize(n);
    batch->text_offsets.reserve(n + 1);
    batch->id_offsets.reserve(n + 1);

    if (recipient_ids == nullptr) {
      for (const auto &c : dir->value.contacts())
        if (c.id != sender->value.id) append_nul_terminated(batch->ids, batch->id_offsets, c.id);
    } else {
      for (const auto &id : ids) append_nul_terminated(batch->ids, batch->id_offsets, id);
    }
    if (batch->id_offsets.size() != n + 1)
      return fail(RAPPORT_EINTERNAL, "compose_all returned " + std::to_string(n) + " items for " +
                                         std::to_string(batch->id_offsets.size() - 1) + " recipients");

    std::size_t text_bytes = n;
    for (const auto &item : batch->items)
      if (item && item->status == rapport::errc::ok) text_bytes += item->note.text.size();
    batch->texts.reserve(text_bytes);
    for (std::size_t i = 0; i < n; ++i) {
      const auto &item = batch->items[i];
      if (!item) {
        batch->statuses[i] = status_of(item.error().code);
        append_nul_terminated(batch->texts, batch->text_offsets, {});
      } else if (item->status != rapport::errc::ok) {
        batch->statuses[i] = status_of(item->status);
        append_nul_terminated(batch->texts, batch->text_offsets, {});
      } else {
        batch->statuses[i] = RAPPORT_OK;
        append_nul_terminated(batch->texts, batch->text_offsets, item->note.text);
      }
    }
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
    if (out_message != nullptr) {
      static const std::string none;
      const auto &item = batch->items[index];
      borrow(!item ? item.error().message : item->status == rapport::errc::ok ? none : item->message, out_message);
    }
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
    const auto &item = batch->items[index];
    if (!item) return fail(batch->statuses[index], "item " + std::to_string(index) + ": " + item.error().message);
    std::lock_guard<std::mutex> lock(batch->notes_mutex);
    if (batch->notes.empty()) batch->notes.resize(batch->count);
    auto &note = batch->notes[index];
    if (!note) {
      // The composition moves into the note; its message (rapport_batch_item) stays.
      auto made = std::make_unique<rapport_note>();
      fill_note(*made, std::move(*batch->items[index]));
      made->borrowed = true;
      note = std::move(made);
    }
    *out = note.get();
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
