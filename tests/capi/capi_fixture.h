/* A small world for the C ABI tests, built through the C ABI: one fair, one
   challenge, a sender "me" and recipients; plus `extra` generated contacts
   for the thread tests. Plain C. */
#ifndef RAPPORT_CAPI_FIXTURE_H
#define RAPPORT_CAPI_FIXTURE_H

#include <rapport.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-03-01 12:00 UTC: bauma 2026 (April 7-13) is 37 days away. */
#define FIXTURE_NOW INT64_C(1772366400)

#define S(lit) (lit), (sizeof(lit) - 1)

static void fixture_must(int status, const char *what) {
  if (status != RAPPORT_OK) {
    fprintf(stderr, "fixture: %s failed: %d %s\n", what, status, rapport_last_error());
    exit(2);
  }
}

static rapport_contact *fixture_person(const char *id, const char *given, const char *family, const char *location) {
  rapport_contact *c = NULL;
  fixture_must(rapport_contact_new(id, strlen(id), &c), "contact_new");
  fixture_must(rapport_contact_set_text(c, RAPPORT_CONTACT_NAME_GIVEN, given, strlen(given)), "given");
  fixture_must(rapport_contact_set_text(c, RAPPORT_CONTACT_NAME_FAMILY, family, strlen(family)), "family");
  fixture_must(rapport_contact_set_text(c, RAPPORT_CONTACT_LOCATION, location, strlen(location)), "location");
  return c;
}

/* The sender: exhibiting at bauma 2026, in Munich, offering battery passports. */
static rapport_contact *fixture_me(void) {
  static const char *const challenges[] = {"eu-battery-passport"};
  static const size_t lens[] = {19};
  rapport_contact *me = fixture_person("me", "Sam", "Sender", "Munich, Germany");
  fixture_must(rapport_contact_add_event(me, S("bauma-2026"), RAPPORT_ROLE_EXHIBITOR), "me event");
  fixture_must(rapport_contact_add_text(me, RAPPORT_CONTACT_TOPICS, S("Construction robotics")), "me topic");
  fixture_must(rapport_contact_add_offer(me, S("passport"), S("digital battery passports"), challenges, lens, 1), "offer");
  fixture_must(rapport_contact_set_text(me, RAPPORT_CONTACT_PURPOSE, S("battery passports")), "purpose");
  return me;
}

static rapport_directory *fixture_directory(size_t extra) {
  static const char *const cities[] = {"Munich, Germany", "Lisbon, Portugal", "Berlin", "Paris, France", "Austin, TX"};
  static const char *const topics[] = {"construction robotics", "ceramics", "cold chain", "battery recycling"};
  rapport_directory_builder *b = NULL;
  rapport_event *fair = NULL;
  rapport_challenge *ch = NULL;
  rapport_contact *c = NULL;
  rapport_directory *dir = NULL;
  rapport_organization org;
  size_t i;
  char id[32];

  fixture_must(rapport_directory_builder_new(&b), "builder");
  fixture_must(rapport_event_new(S("bauma-2026"), &fair), "event");
  fixture_must(rapport_event_set_text(fair, RAPPORT_EVENT_NAME, S("bauma")), "event name");
  fixture_must(rapport_event_set_text(fair, RAPPORT_EVENT_SERIES, S("bauma")), "series");
  fixture_must(rapport_event_set_edition(fair, 2026), "edition");
  fixture_must(rapport_event_set_days(fair, 2026, 4, 7, 2026, 4, 13), "days");
  fixture_must(rapport_event_set_text(fair, RAPPORT_EVENT_TIME_ZONE, S("Europe/Berlin")), "tz");
  fixture_must(rapport_event_set_text(fair, RAPPORT_EVENT_LOCATION, S("Messe M\xC3\xBCnchen")), "event location");
  fixture_must(rapport_directory_builder_add_event(b, fair), "add event");
  rapport_event_free(fair);

  fixture_must(rapport_challenge_new(S("eu-battery-passport"), &ch), "challenge");
  fixture_must(rapport_challenge_set_text(ch, RAPPORT_CHALLENGE_TITLE, S("the new EU battery passport")), "title");
  fixture_must(rapport_challenge_add_text(ch, RAPPORT_CHALLENGE_INDUSTRIES, S("Automotive")), "industry");
  fixture_must(rapport_directory_builder_add_challenge(b, ch), "add challenge");
  rapport_challenge_free(ch);

  c = fixture_me();
  fixture_must(rapport_directory_builder_add_contact(b, c), "add me");
  rapport_contact_free(c);

  c = fixture_person("anna", "Anna", "Schmidt", "M\xC3\xBCnchen, Bayern, Deutschland");
  fixture_must(rapport_contact_add_event(c, S("bauma-2026"), RAPPORT_ROLE_EXHIBITOR), "anna event");
  fixture_must(rapport_contact_add_text(c, RAPPORT_CONTACT_TOPICS, S("construction robotics")), "anna topic");
  fixture_must(rapport_directory_builder_add_contact(b, c), "add anna");
  rapport_contact_free(c);

  c = fixture_person("carl", "Carl", "Berg", "Stuttgart, Germany");
  fixture_must(rapport_contact_set_text(c, RAPPORT_CONTACT_INDUSTRY, S("Automotive")), "carl industry");
  rapport_organization_init(&org);
  org.name = "Bosch";
  org.name_len = 5;
  fixture_must(rapport_contact_add_organization(c, &org), "carl org");
  fixture_must(rapport_directory_builder_add_contact(b, c), "add carl");
  rapport_contact_free(c);

  /* a participation in an unknown event: dropped with a warning */
  c = fixture_person("dora", "Dora", "Ghost", "");
  fixture_must(rapport_contact_add_event(c, S("no-such-event"), RAPPORT_ROLE_ATTENDEE), "dora event");
  fixture_must(rapport_directory_builder_add_contact(b, c), "add dora");
  rapport_contact_free(c);

  for (i = 0; i < extra; ++i) {
    snprintf(id, sizeof id, "p%05u", (unsigned)i);
    c = fixture_person(id, "Pat", id, cities[i % 5]);
    if (i % 3 == 0) fixture_must(rapport_contact_add_event(c, S("bauma-2026"), (int)(i % 5)), "extra event");
    fixture_must(rapport_contact_add_text(c, RAPPORT_CONTACT_TOPICS, topics[i % 4], strlen(topics[i % 4])), "extra topic");
    if (i % 7 == 0) fixture_must(rapport_contact_set_text(c, RAPPORT_CONTACT_INDUSTRY, S("Automotive")), "extra industry");
    if (i % 11 == 0) fixture_must(rapport_contact_add_text(c, RAPPORT_CONTACT_CONNECTIONS, S("anna")), "extra connection");
    fixture_must(rapport_directory_builder_add_contact(b, c), "add extra");
    rapport_contact_free(c);
  }

  fixture_must(rapport_directory_builder_build(b, &dir), "build");
  rapport_directory_builder_free(b);
  return dir;
}

#endif
