import { isUtf8 } from 'node:buffer';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-bytes';

/**
 * Checks a file sniffed as UTF-8 stays UTF-8 to its end: the sniff saw only its head, and a
 * file that mixes in Windows-1252 further down would otherwise reach the CRM as `�`.
 */
export class Utf8StreamCheck {
  private carry: Buffer = Buffer.alloc(0);

  /** @param offset file offset of the first byte pushed (after a BOM) */
  constructor(private offset: number) {}

  push(bytes: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const end = completeUtf8Length(data);
    const whole = data.subarray(0, end);
    if (!isUtf8(whole)) this.fail(whole);
    this.offset += end;
    this.carry = Buffer.from(data.subarray(end));
  }

  end(): void {
    if (this.carry.length > 0) this.fail(this.carry);
  }

  private fail(bytes: Uint8Array): never {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    // 1-based, like the rows and lines the operator is shown.
    throw new CargaError(msg('file.invalid-utf8', { byte: this.offset + at + 1 }));
  }
}
