# Prints the line speed of a terminal, then every change of it, one number a line. Usage:
# python3 line-speed-watcher.py <path>. A USB serial device hears each speed change as a SET_LINE_CODING
# request; a pseudo-terminal tells no one, so the fake device has this read the termios of the host's end
# every millisecond (opened before the host opens it, so the host's exclusive lock does not keep it out).
# Exits when its parent does.
import os
import sys
import termios
import time

fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
parent = os.getppid()
rates = {getattr(termios, name): int(name[1:]) for name in dir(termios) if name[0] == "B" and name[1:].isdigit()}
last = None
while os.getppid() == parent:
    # tcgetattr: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]
    speed = rates.get(termios.tcgetattr(fd)[5], -1)
    if speed != last:
        print(speed, flush=True)
        last = speed
    time.sleep(0.001)
