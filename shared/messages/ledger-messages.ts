import type { MessageCatalog } from './catalog-types';

/** Rows a destination already accepted in earlier jobs (re-drops of the same or a corrected file). */
export const ledgerMessages = {
  'ledger.skipped': {
    es: 'Omitidas {count}: este destino ya las había recibido',
    en: 'Skipped {count}: this destination had already received them',
  },
  'ledger.skipped-from': {
    es: '{rows} en el trabajo {jobId} del {date}',
    en: '{rows} in job {jobId} on {date}',
  },
  'ledger.send-again-hint': {
    es: 'Para enviarlas otra vez, sabiendo que quedarán duplicadas, use --allow-duplicates.',
    en: 'To send them again, knowing they will be duplicated, use --allow-duplicates.',
  },
  'ledger.already-sent': {
    es: '{count} filas ya se importaron a este destino el {date} (trabajo {jobId}); se omitirán.',
    en: '{count} rows were already imported to this destination on {date} (job {jobId}); they will be skipped.',
  },
} satisfies MessageCatalog;
