#!/usr/bin/env python3
"""Generates a large Prisma schema for benchmarks.

Same shape as ../shared/oracle/gen-large-schema.js (which produced Prisma's reference timings),
so prismapp and Prisma are measured on identical input: N models x 10 scalar fields plus a relation
to the previous model, @map/@@map, @@index, @@unique, 10 enums; the PostgreSQL flavour adds
@db.VarChar / @db.Decimal native types.

Usage: gen_schema.py <sqlite|postgresql> <N models> [with_url 0|1] > schema.prisma
"""
import sys


def generate(provider: str, n: int, with_url: bool) -> str:
    pg = provider == "postgresql"
    out = ["datasource db {", f'  provider = "{provider}"']
    if with_url:
        out.append('  url      = env("DATABASE_URL")')
    out += ["}", ""]
    for e in range(10):
        out += [f"enum Status{e} {{", "  ACTIVE", "  INACTIVE", "  ARCHIVED", "", f'  @@map("status_{e}")', "}", ""]
    for i in range(n):
        out.append(f"model Model{i} {{")
        out.append("  id        Int      @id @default(autoincrement())")
        out.append("  code      String   @unique" + (" @db.VarChar(64)" if pg else ""))
        out.append("  name      String" + ("   @db.VarChar(200)" if pg else ""))
        out.append('  note      String?  @map("note_text")')
        out.append("  qty       Int      @default(0)")
        out.append("  price     Decimal" + ("  @db.Decimal(10, 2)" if pg else ""))
        out.append("  active    Boolean  @default(true)")
        out.append(f"  status    Status{i % 10} @default(ACTIVE)")
        out.append('  createdAt DateTime @default(now()) @map("created_at")')
        out.append('  updatedAt DateTime @updatedAt @map("updated_at")')
        if i > 0:
            out.append('  parentId  Int?     @map("parent_id")')
            out.append(f"  parent    Model{i - 1}? @relation(fields: [parentId], references: [id])")
        if i < n - 1:
            out.append(f"  children  Model{i + 1}[]")
        out += ["", "  @@index([name])", "  @@unique([name, qty])", f'  @@map("model_{i}")', "}", ""]
    return "\n".join(out)


if __name__ == "__main__":
    provider = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    url = len(sys.argv) > 3 and sys.argv[3] == "1"
    sys.stdout.write(generate(provider, count, url))
