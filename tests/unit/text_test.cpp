#include <catch2/catch.hpp>

#include "rapport/text.hpp"
