// Node-side reading and writing of files (filled as loaders land).
export {};
