"""Reviewing a hand-written draft from Python. Run by ctest."""
import rapport

kate = rapport.Contact("kate", given="Katherine", family="O'Neil", preferred="Kate")
platform = rapport.Platform.find("linkedin-connection-note")
draft = "Hi {{first_name}},  I'd like to add you to my professional network on LinkedIn."
for f in rapport.review(draft, kate, platform):
    fix = f" -> {f.suggestion!r}" if f.suggestion else ""
    print(f"{f.severity:7} {f.code:20} [{f.begin},{f.end}) {f.message}{fix}")
