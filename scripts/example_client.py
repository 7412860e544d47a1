"""Example for the quickstart project (scripts/quickstart.sh): uses the Python client that
`prismapp generate` wrote into ./prisma (generator `prisma-client-py`, asyncio interface) on the
migrated SQLite database. Run from the project root: `python3 example_client.py`."""
from __future__ import annotations

import asyncio

from prisma import Prisma


async def main() -> None:
    # Prisma() reads DATABASE_URL from .env (use_dotenv=True); `async with` connects and disconnects.
    async with Prisma() as db:
        await db.post.delete_many()
        await db.user.delete_many()
        # A user and a post in one nested write (one transaction).
        user = await db.user.create(
            data={
                'email': 'alice@example.com',
                'name': 'Alice',
                'posts': {'create': [{'title': 'Hello from prismapp'}]},
            },
        )
        print(f'created user #{user.id}: {user.email}')
        found = await db.user.find_unique(where={'email': 'alice@example.com'}, include={'posts': True})
        assert found is not None and found.posts is not None
        for post in found.posts:
            print(f'  post #{post.id}: {post.title!r} by {found.name}')
        print('users named A*:', await db.user.count(where={'name': {'startswith': 'A'}}))


if __name__ == '__main__':
    asyncio.run(main())
