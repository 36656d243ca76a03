import GRDBSQLite
print(sqlite3_libversion_number())
