"""The Python example endpoint with one deliberate wire-format fault: every socket frame header is
little-endian (docs/wire-formats.md says big-endian). Against itself it passes; paired with any
implementation that follows the format, its socket cells must fail (InteropCommandTest)."""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..",
                                "docs", "examples", "python"))
import endpoint  # noqa: E402

endpoint.FRAME_HEADER = struct.Struct("<IBBH")

if __name__ == "__main__":
    sys.exit(endpoint.main())
