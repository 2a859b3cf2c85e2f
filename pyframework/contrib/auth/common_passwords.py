"""Builds common-passwords.txt.gz, CommonPasswordValidator's default list.

The list is generated, not collected: weak base words and keyboard patterns
combined with the suffixes people add to satisfy length rules. Re-run with
``python -m pyframework.contrib.auth.common_passwords`` after editing the lists.
"""
from __future__ import absolute_import, print_function, unicode_literals

import gzip
import os

BASE_WORDS = (
    "password", "passw0rd", "p@ssword", "p@ssw0rd", "letmein", "welcome", "admin", "administrator", "root",
    "login", "master", "secret", "default", "guest", "user", "test", "changeme", "trustno1", "iloveyou",
    "love", "monkey", "dragon", "shadow", "sunshine", "princess", "football", "baseball", "soccer",
    "hockey", "basketball", "superman", "batman", "starwars", "pokemon", "whatever", "freedom", "hello",
    "charlie", "michael", "jennifer", "jordan", "hunter", "ranger", "buster", "tigger", "cookie",
    "summer", "winter", "spring", "autumn", "flower", "computer", "internet", "access", "killer",
    "cheese", "chocolate", "coffee", "orange", "banana", "apple", "pepper", "ginger", "maggie", "daniel",
    "thomas", "robert", "andrew", "joshua", "matthew", "jessica", "ashley", "amanda", "nicole", "qwerty",
    "asdf", "zxcv", "abc", "abcd", "abcdef", "azerty", "qwertz", "mustang", "ferrari", "porsche",
    "blink", "matrix", "silver", "golden", "diamond", "angel", "lovely", "family", "friends", "heaven",
)
KEYBOARD_WALKS = (
    "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "1qaz2wsx", "qazwsx", "1q2w3e",
    "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "zaq12wsx", "!qaz2wsx", "qwer1234", "asdf1234", "1qazxsw2",
    "azertyuiop", "qwertz123", "poiuytrewq", "mnbvcxz", "lkjhgfdsa",
)
SUFFIXES = ("", "1", "12", "123", "1234", "12345", "!", "1!", "123!", "01", "007", "69", "99", "2000")
YEARS = tuple("%d" % year for year in range(1980, 2031))


def digit_runs():
    runs = set()
    for length in range(4, 13):
        runs.add("".join("%d" % ((index + 1) % 10) for index in range(length)))   # 1234...
        runs.add("".join("%d" % ((9 - index) % 10) for index in range(length)))   # 9876...
        for digit in "0123456789":
            runs.add(digit * length)                                              # 0000...
    for pair in ("12", "69", "11", "13", "21", "00"):
        runs.update(pair * count for count in (2, 3, 4))
    return runs


def generate():
    """The sorted, lower-case list of passwords."""
    passwords = set(digit_runs()) | set(KEYBOARD_WALKS)
    for word in BASE_WORDS + KEYBOARD_WALKS:
        passwords.update(word + suffix for suffix in SUFFIXES)
        passwords.update(word + year for year in YEARS)
    return sorted(password.lower() for password in passwords if len(password) >= 4)


def write(path):
    data = ("\n".join(generate()) + "\n").encode("utf-8")
    # A fixed mtime keeps the file byte-identical from run to run.
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle:
            handle.write(data)


if __name__ == "__main__":
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "common-passwords.txt.gz")
    write(target)
    print("wrote %s (%d passwords)" % (target, len(generate())))
