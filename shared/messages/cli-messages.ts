import type { MessageCatalog } from './catalog-types';

export const cliMessages = {
  'cli.unknown-command': {
    es: 'Comando desconocido: «{name}». Escriba «carga --help» para ver los comandos.',
    en: 'Unknown command: "{name}". Type "carga --help" to see the commands.',
  },
  'cli.internal-error': {
    es: 'Error interno de Carga: {detail}. Ninguna fila se dio por cargada sin confirmación del CRM; repita el comando y, si persiste, informe este mensaje.',
    en: 'Carga internal error: {detail}. No row was taken as loaded without the CRM confirming it; run the command again and, if it persists, report this message.',
  },
  'cli.missing-file': {
    es: 'Falta el archivo. Uso: carga {command} ARCHIVO [opciones]; escriba «carga {command} --help» para ver las opciones.',
    en: 'The file is missing. Usage: carga {command} FILE [options]; type "carga {command} --help" to see the options.',
  },
  'cli.missing-job': {
    es: 'Falta el identificador del trabajo. Uso: carga {command} TRABAJO. Vea los trabajos con «carga jobs».',
    en: 'The job id is missing. Usage: carga {command} JOB. List jobs with "carga jobs".',
  },
  'cli.bad-pair': {
    es: '{flag} espera «nombre=valor», no «{value}».',
    en: '{flag} expects "name=value", not "{value}".',
  },
  'cli.party-password-missing': {
    es: 'Falta la contraseña de las partes de Thalamus: la variable de entorno {name} está vacía o no existe. Defínala, o quite --party-password-env si el touchpoint no usa contraseña.',
    en: "The Thalamus parties' password is missing: the environment variable {name} is empty or not set. Set it, or drop --party-password-env if the touchpoint takes no password.",
  },
  'cli.token-missing': {
    es: 'Falta el token: defina la variable de entorno {name} (el token nunca se pasa como argumento, para que no quede en el historial).',
    en: 'The token is missing: set the environment variable {name} (a token is never passed as an argument, so it stays out of the shell history).',
  },
  'cli.template-unreadable': {
    es: 'No se pudo leer la plantilla {path}.',
    en: 'Could not read the template {path}.',
  },
  'cli.template-invalid': {
    es: 'La plantilla {path} no es válida: {detail}',
    en: 'The template {path} is not valid: {detail}',
  },
  'cli.target-needed': {
    es: 'Indique una plantilla (--template T.json) o un destino (--target), uno de: {targets}.',
    en: 'Give a template (--template T.json) or a target (--target), one of: {targets}.',
  },
  'cli.bad-format': {
    es: 'El informe debe terminar en .csv, .xlsx o .txt (resumen): «{path}».',
    en: 'The report must end in .csv, .xlsx or .txt (summary): "{path}".',
  },
  'cli.report-one-kind': {
    es: 'Elige un solo informe: --failed-rows (filas fallidas) o --accepted (filas cargadas).',
    en: 'Choose one report: --failed-rows (failed rows) or --accepted (loaded rows).',
  },
  'cli.report-written': {
    es: 'Informe guardado en {path}',
    en: 'Report saved to {path}',
  },
  'cli.no-jobs': {
    es: 'No hay trabajos en {dir}.',
    en: 'There are no jobs in {dir}.',
  },

  // A job's summary and its progress line
  'cli.summary.job': { es: 'Trabajo {jobId}: {status}', en: 'Job {jobId}: {status}' },
  'cli.summary.rows': {
    es: 'Filas: {total} · ok {ok} · fallidas {failed} · inciertas {uncertain} · pendientes {pending}',
    en: 'Rows: {total} · ok {ok} · failed {failed} · uncertain {uncertain} · pending {pending}',
  },
  'cli.summary.requests': { es: 'Solicitudes: {requests}', en: 'Requests: {requests}' },
  'cli.progress.failed': { es: 'fallidas {count}', en: 'failed {count}' },
  'cli.progress.uncertain': { es: 'inciertas {count}', en: 'uncertain {count}' },
  'cli.progress.rate': { es: '{rate} filas/s', en: '{rate} rows/s' },
  'cli.progress.left': { es: 'faltan {duration}', en: '{duration} left' },
  'cli.progress.quota': { es: 'cuota {count}', en: 'quota {count}' },
  'cli.progress.counting': { es: '{done}/contando…', en: '{done}/counting…' },
} as const satisfies MessageCatalog;
