import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import * as z from 'zod';

import { connectionSchema } from '../../../shared/connection-schema';
import type { Connection } from '../../../shared/contract';
import { writeFileAtomic } from '../jobs/atomic-write';

const fileSchema = z.array(connectionSchema);

/** The operator's saved connections (never their tokens: those are in the vault). */
export class ConnectionStore {
  constructor(private readonly path: string) {}

  list(): Connection[] {
    if (!existsSync(this.path)) return [];
    try {
      return fileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return [];
    }
  }

  get(id: string): Connection | undefined {
    return this.list().find((connection) => connection.id === id);
  }

  save(connection: Connection): void {
    const others = this.list().filter((c) => c.id !== connection.id);
    this.write([...others, connection]);
  }

  delete(id: string): void {
    this.write(this.list().filter((c) => c.id !== id));
  }

  private write(connections: Connection[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(connections, null, 2) + '\n');
  }
}
