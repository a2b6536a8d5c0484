#!/bin/sh
# Knotwork.app/Contents/MacOS/Knotwork: starts the program installed under Contents/Resources.
# exec keeps one process, so the Finder's "open document" events reach Knotwork itself.
exec "$(dirname "$0")/../Resources/bin/knotwork" "$@"
