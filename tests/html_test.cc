#include "core/html.h"

#include <catch2/catch.hpp>
#include <stdexcept>

namespace glossa {
namespace {

TEST_CASE("text and attributes from data are written escaped", "[html]") {
  pugi::xml_document page;
  pugi::xml_node body = El(page, "body");
  El(body, "p", "<script>alert(1)</script> & \"q\"",
     {{"title", "\"><img src=x onerror=alert(1)>"}});
  CHECK(WriteHtml(page) ==
        "<!DOCTYPE html>\n<body><p title=\"&quot;&gt;&lt;img src=x "
        "onerror=alert(1)&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; "
        "&amp; \"q\"</p>\n</body>\n");
}

TEST_CASE("void elements have no end tag, empty elements have one", "[html]") {
  pugi::xml_document page;
  pugi::xml_node head = El(page, "head");
  El(head, "meta", {}, {{"charset", "utf-8"}});
  El(head, "script", {}, {{"src", "a.js"}});
  El(head, "br");
  CHECK(WriteHtml(page) ==
        "<!DOCTYPE html>\n<head><meta charset=\"utf-8\"><script "
        "src=\"a.js\"></script><br></head>\n");
}

TEST_CASE("a script with text or a void element with children is a bug",
          "[html]") {
  pugi::xml_document with_text;
  El(with_text, "script", "alert(1)");
  CHECK_THROWS_AS(WriteHtml(with_text), std::logic_error);
  pugi::xml_document void_child;
  El(El(void_child, "img"), "span");
  CHECK_THROWS_AS(WriteHtml(void_child), std::logic_error);
}

TEST_CASE("only http, https, mailto and relative URLs are linked", "[html]") {
  CHECK(SafeUrl("https://www.merics.org/de") == "https://www.merics.org/de");
  CHECK(SafeUrl("HTTP://example.org") == "HTTP://example.org");
  CHECK(SafeUrl("mailto:a@example.org") == "mailto:a@example.org");
  CHECK(SafeUrl("../index.html#fn9") == "../index.html#fn9");
  CHECK(SafeUrl("a/b:c") == "a/b:c");
  CHECK(SafeUrl("javascript:alert(1)") == "");
  CHECK(SafeUrl("JavaScript:alert(1)") == "");
  CHECK(SafeUrl(" javascript:alert(1)") == "");
  CHECK(SafeUrl("java\tscript:alert(1)") == "");
  CHECK(SafeUrl("data:text/html,<script>alert(1)</script>") == "");
  CHECK(SafeUrl("vbscript:msgbox") == "");
}

}  // namespace
}  // namespace glossa
