/* Discovery, ranking and batch composition from 8 threads on one directory
   through the C ABI: every thread's results equal the serial run's; and 8
   threads reading one shared batch (whose note contexts are built on first
   use) see the same thing. Plain C with POSIX threads. */
#include "capi_fixture.h"

#include <pthread.h>

#define THREADS 8
#define EXTRA 400

static rapport_directory *dir;
static rapport_sender *sender;
static rapport_contact *me;
static rapport_batch *shared_batch;

/* A digest of everything discovery and ranking returned: FNV-1a over the bytes. */
typedef struct digest {
  uint64_t h;
  size_t contexts;
  int failures;
} digest;

static void mix(digest *d, const void *p, size_t n) {
  const unsigned char *b = p;
  size_t i;
  for (i = 0; i < n; ++i) d->h = (d->h ^ b[i]) * UINT64_C(1099511628211);
}

static void mix_str(digest *d, rapport_str s) { mix(d, s.data, s.len); mix(d, "\0", 1); }

static void mix_contexts(digest *d, const rapport_contexts *x) {
  size_t n = 0, i, j, m;
  if (rapport_contexts_count(x, &n) != RAPPORT_OK) ++d->failures;
  d->contexts += n;
  for (i = 0; i < n; ++i) {
    int kind = -1, side = -1;
    double strength = -1;
    rapport_str a, b, c;
    if (rapport_contexts_kind(x, i, &kind) != RAPPORT_OK) ++d->failures;
    if (rapport_contexts_strength(x, i, &strength) != RAPPORT_OK) ++d->failures;
    if (rapport_contexts_situation(x, i, &a) != RAPPORT_OK) ++d->failures;
    mix(d, &kind, sizeof kind);
    mix(d, &strength, sizeof strength);
    mix_str(d, a);
    if (rapport_contexts_fact_count(x, i, &m) != RAPPORT_OK) ++d->failures;
    for (j = 0; j < m; ++j) {
      if (rapport_contexts_fact(x, i, j, &a, &b) != RAPPORT_OK) ++d->failures;
      mix_str(d, a);
      mix_str(d, b);
    }
    if (rapport_contexts_evidence_count(x, i, &m) != RAPPORT_OK) ++d->failures;
    for (j = 0; j < m; ++j) {
      if (rapport_contexts_evidence(x, i, j, &side, &a, &b, &c) != RAPPORT_OK) ++d->failures;
      mix(d, &side, sizeof side);
      mix_str(d, a);
      mix_str(d, b);
      mix_str(d, c);
    }
  }
}

static void *run(void *arg) {
  digest *d = arg;
  size_t n = 0, i, r;
  rapport_str id;
  rapport_results *res = NULL;
  const rapport_contexts *best = NULL;
  rapport_rank_filter f;
  d->h = UINT64_C(14695981039346656037);
  if (rapport_directory_contact_count(dir, &n) != RAPPORT_OK) ++d->failures;
  for (i = 0; i < n; ++i) {
    rapport_contexts *x = NULL;
    if (rapport_directory_contact_id(dir, i, &id) != RAPPORT_OK) ++d->failures;
    if (id.len == 2 && memcmp(id.data, "me", 2) == 0) continue;
    if (rapport_sender_discover_id(sender, id.data, id.len, FIXTURE_NOW, NULL, &x) != RAPPORT_OK) ++d->failures;
    mix_str(d, id);
    mix_contexts(d, x);
    rapport_contexts_free(x);
  }
  for (r = 0; r < 2; ++r) {
    rapport_rank_filter_init(&f);
    if (r == 1) {
      f.event_id = "bauma-2026";
      f.event_id_len = 10;
    }
    if (rapport_sender_rank(sender, FIXTURE_NOW, 25, &f, NULL, &res) != RAPPORT_OK) ++d->failures;
    if (rapport_results_count(res, &n) != RAPPORT_OK) ++d->failures;
    for (i = 0; i < n; ++i) {
      if (rapport_results_recipient(res, i, &id) != RAPPORT_OK) ++d->failures;
      mix_str(d, id);
    }
    if (rapport_results_contexts(res, &best) != RAPPORT_OK) ++d->failures;
    mix_contexts(d, best);
    rapport_results_free(res);
  }
  /* batch composition: each thread its own batch (itself on 2 threads) */
  {
    rapport_batch *batch = NULL;
    rapport_batch_view v;
    rapport_batch_view_init(&v);
    if (rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 2, &batch) != RAPPORT_OK) ++d->failures;
    if (rapport_batch_view_get(batch, &v) != RAPPORT_OK) ++d->failures;
    mix(d, v.statuses, v.count * sizeof(int));
    mix(d, v.texts, v.texts_len);
    mix(d, v.recipient_ids, v.recipient_ids_len);
    rapport_batch_free(batch);
  }
  /* one shared batch: every note's contexts, built on first use by whichever thread comes first */
  {
    size_t count = 0;
    if (rapport_batch_count(shared_batch, &count) != RAPPORT_OK) ++d->failures;
    for (i = 0; i < count; ++i) {
      const rapport_note *note = NULL;
      const rapport_contexts *x = NULL;
      rapport_str text;
      if (rapport_batch_note(shared_batch, i, &note) != RAPPORT_OK) ++d->failures;
      if (rapport_note_text(note, &text) != RAPPORT_OK) ++d->failures;
      mix_str(d, text);
      if (rapport_note_contexts(note, &x) != RAPPORT_OK) ++d->failures;
      mix_contexts(d, x);
    }
  }
  /* a failing call on this thread leaves its own message, not another thread's */
  if (rapport_sender_discover_id(sender, "nobody", 6, FIXTURE_NOW, NULL, NULL) != RAPPORT_EINVAL) ++d->failures;
  if (strcmp(rapport_last_error(), "out is NULL") != 0) ++d->failures;
  return NULL;
}

int main(void) {
  digest serial = {0, 0, 0}, par[THREADS];
  pthread_t t[THREADS];
  int i, bad = 0;
  me = fixture_me();
  dir = fixture_directory(EXTRA);
  fixture_must(rapport_sender_new(dir, me, &sender), "sender");
  fixture_must(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &shared_batch), "compose_all");
  /* the directory and the prepared sender keep what they need */
  run(&serial);
  /* the serial run built the shared batch's contexts: start over with a fresh batch */
  rapport_batch_free(shared_batch);
  fixture_must(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 1, &shared_batch), "compose_all");
  memset(par, 0, sizeof par);
  for (i = 0; i < THREADS; ++i)
    if (pthread_create(&t[i], NULL, run, &par[i]) != 0) return 2;
  for (i = 0; i < THREADS; ++i) pthread_join(t[i], NULL);
  for (i = 0; i < THREADS; ++i) {
    if (par[i].h != serial.h || par[i].contexts != serial.contexts || par[i].failures != 0) {
      fprintf(stderr, "thread %d: digest %llx (%zu contexts, %d failures), serial %llx (%zu)\n", i,
              (unsigned long long)par[i].h, par[i].contexts, par[i].failures, (unsigned long long)serial.h, serial.contexts);
      bad = 1;
    }
  }
  if (serial.failures != 0 || serial.contexts < EXTRA) {
    fprintf(stderr, "serial run: %d failures, %zu contexts\n", serial.failures, serial.contexts);
    bad = 1;
  }
  rapport_batch_free(shared_batch);
  rapport_contact_free(me);
  rapport_sender_free(sender);
  rapport_directory_free(dir);
  printf("%d threads x %zu contexts: %s\n", THREADS, serial.contexts, bad ? "DIFFERENT" : "equal to the serial run");
  return bad;
}
