# cmake -DDIR=path -P fresh_dir.cmake: DIR emptied (made if missing).
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
