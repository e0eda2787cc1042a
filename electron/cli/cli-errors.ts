import type { Lang } from '../../shared/contract';
import { isCargaError } from '../../shared/errors/carga-error';
import { formatMessage } from '../../shared/messages/catalog';
import { unusableFolderMessage } from '../engine/storage/storage-failure';
import { dataDirOf } from './cli-paths';
import { EXIT, type CliIO } from './command';

/** Expected failures (bad flags, unreadable files, a missing token, a data folder Carga cannot
 * write) become one line on stderr in the operator's language and exit code 2; never a stack trace. */
export async function reportingErrors(io: CliIO, lang: Lang, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const unusable = unusableFolderMessage(error, dataDirOf(io));
    if (unusable) {
      io.stderr(formatMessage(lang, unusable) + '\n');
      return EXIT.usage;
    }
    if (!isCargaError(error)) throw error;
    io.stderr(formatMessage(lang, error.detail) + '\n');
    return EXIT.usage;
  }
}
