"""Engine-free query runtime: compiles Prisma Client Python calls to SQL and runs them."""
