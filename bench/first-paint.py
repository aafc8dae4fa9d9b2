#!/usr/bin/env python3
"""Time from a program's start until its window is on the screen with content painted in it.

    bench/first-paint.py FRAMEBUFFER TITLE_REGEX [--screenshot PNG] -- COMMAND...

FRAMEBUFFER is the screen file of an Xvfb started with -fbdir (the screen's pixels, which Xvfb keeps
in that file as an XWD image). The program is started in a session of its own; the script watches for a
visible window whose title matches TITLE_REGEX (xdotool), then reads that window's pixels from the
framebuffer until they show at least MIN_COLOURS distinct colours: anti-aliased text and icons give
hundreds, an empty window or one only filled with its background colour a handful. A window merely
mapped is not counted as shown: JavaFX maps its window before its first frame is painted (white or
black for a second or more on a busy machine).

Prints one line, "MAPPED_MS PAINTED_MS CPU_MS": milliseconds from the start until the window was mapped,
until it was painted, and the CPU time (user + system, with the children it waited for) the process had
used when it was painted, read from /proc. The program is then ended (its whole session). Exits 1 when
no window is painted within the timeout. With --screenshot, the screen at the moment the window counted
as painted is written as a PNG, to check by eye what was counted. Only the standard library.
"""
import mmap
import os
import signal
import struct
import subprocess
import sys
import time
import zlib

MIN_COLOURS = 100
TIMEOUT_SECONDS = 120
POLL_SECONDS = 0.01


class Framebuffer:
    """The screen as Xvfb keeps it in its -fbdir file: an XWD header, a colour map, then the pixels."""

    def __init__(self, path):
        with open(path, 'rb') as file:
            self.map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        header = struct.unpack('>25I', self.map[:100])
        header_size, bits_per_pixel, colour_entries = header[0], header[11], header[19]
        if bits_per_pixel != 32:
            sys.exit(f'first-paint.py: {path}: {bits_per_pixel} bits per pixel, 32 expected (Xvfb -screen 0 WxHx24)')
        self.width, self.height, self.row_bytes = header[4], header[5], header[12]
        self.offset = header_size + colour_entries * 12
        self.pixels = memoryview(self.map)[self.offset:self.offset + self.height * self.row_bytes].cast('I')

    def colours(self, x, y, width, height):
        """Distinct colours among every other pixel of every other row of the rectangle."""
        words_per_row = self.row_bytes // 4
        left, right = max(x, 0), min(x + width, self.width)
        seen = set()
        for row in range(max(y, 0), min(y + height, self.height), 2):
            seen.update(self.pixels[row * words_per_row + left:row * words_per_row + right:2])
        return len(seen)

    def copy(self):
        return bytes(self.map[self.offset:self.offset + self.height * self.row_bytes])

    def write_png(self, pixels, path):
        raw = bytearray()
        for row in range(self.height):
            line = pixels[row * self.row_bytes:row * self.row_bytes + self.width * 4]
            raw.append(0)
            rgb = bytearray(self.width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
            raw += rgb

        def chunk(kind, data):
            return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
        with open(path, 'wb') as out:
            out.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', self.width, self.height, 8, 2, 0, 0, 0))
                      + chunk(b'IDAT', zlib.compress(bytes(raw), 1)) + chunk(b'IEND', b''))


def window(title):
    """(x, y, width, height) of the last visible window whose title matches, or None."""
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', title],
                           capture_output=True, text=True).stdout.split()
    if not found:
        return None
    shell = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', found[-1]], capture_output=True, text=True).stdout
    geometry = dict(line.split('=', 1) for line in shell.split())
    try:
        return int(geometry['X']), int(geometry['Y']), int(geometry['WIDTH']), int(geometry['HEIGHT'])
    except (KeyError, ValueError):
        return None   # the window went between the two questions


def cpu_milliseconds(pid):
    try:
        fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    except OSError:
        return -1   # already gone
    return sum(int(value) for value in fields[11:15]) * 1000 // os.sysconf('SC_CLK_TCK')


def main(argv):
    if '--' not in argv or argv.index('--') < 2:
        sys.exit('usage: first-paint.py FRAMEBUFFER TITLE_REGEX [--screenshot PNG] -- COMMAND...')
    options, command = argv[:argv.index('--')], argv[argv.index('--') + 1:]
    framebuffer, title = Framebuffer(options[0]), options[1]
    screenshot = options[options.index('--screenshot') + 1] if '--screenshot' in options else None
    start = time.monotonic()
    program = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    mapped = painted = None
    place = None
    polls = 0
    try:
        while painted is None and time.monotonic() - start < TIMEOUT_SECONDS:
            if place is None or polls % 25 == 0:   # found once; asked again now and then, should it move
                place = window(title) or place
                if place is not None and mapped is None:
                    mapped = time.monotonic()
            if place is not None and framebuffer.colours(*place) >= MIN_COLOURS:
                painted = time.monotonic()
                cpu = cpu_milliseconds(program.pid)
                shown = framebuffer.copy() if screenshot else None
            polls += 1
            time.sleep(POLL_SECONDS)
    finally:
        try:
            os.killpg(program.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        program.wait()
    if painted is None:
        print(f'first-paint.py: no window matching {title!r} painted within {TIMEOUT_SECONDS} s'
              + (' (mapped, never painted)' if mapped else ''), file=sys.stderr)
        return 1
    if screenshot:
        framebuffer.write_png(shown, screenshot)
    print(int((mapped - start) * 1000), int((painted - start) * 1000), cpu)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
