// rapport — umbrella header: everything in the C++ API.
//
// rapport finds what a sender and a recipient really share (an event, a city,
// an industry challenge, a mutual contact…), and writes a short note that says
// so, in the recipient's language, fitted to the platform's limit.
#pragma once

#include "rapport/catalog.hpp"
#include "rapport/challenge.hpp"
#include "rapport/company.hpp"
#include "rapport/compose.hpp"
#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/event.hpp"
#include "rapport/fit.hpp"
#include "rapport/formality.hpp"
#include "rapport/import.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"
#include "rapport/platform.hpp"
#include "rapport/ranking.hpp"
#include "rapport/result.hpp"
#include "rapport/review.hpp"
#include "rapport/template.hpp"
#include "rapport/text.hpp"
#include "rapport/version.hpp"
