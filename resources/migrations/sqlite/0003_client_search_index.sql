-- Knotwork practice schema, version 3 (SQLite): client search answers from one index.
--
-- The client list and its search read a handful of columns of every client in name order. With
-- only the name index, SQLite walked that index and fetched each client's whole row from the
-- table (wide rows: addresses, health notes), which cost about 30 ms per keystroke at 20,000
-- clients. This index holds every column the list and the search read, in list order, so the
-- search scans the index alone and never touches the table (bench/: knotwork-bench).
CREATE INDEX clients_list ON clients (
    family_name COLLATE NOCASE, given_name COLLATE NOCASE, id,
    archived_on, search_key, preferred_name, phone, date_of_birth
);
-- Its first columns are the old name index's; one index to keep up to date is enough.
DROP INDEX clients_by_name;
