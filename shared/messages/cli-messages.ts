import type { MessageCatalog } from './message';

export const cliMessages = {
  'cli.usage': {
    es: `Carga — carga hojas de cálculo en CRM con límites de uso.

Uso: carga <comando> [opciones]

Comandos:
  inspect ARCHIVO [--sheet HOJA] [--json]        Muestra lo detectado y las primeras filas
  check ARCHIVO --template T.json [--json]        Valida cada fila sin enviar nada
  import ARCHIVO [--template T.json] [...]        Importa al CRM (por defecto, al CRM de prueba)
  resume TRABAJO                                  Reanuda un trabajo detenido
  retry TRABAJO [--uncertain]                     Reintenta las filas fallidas
  jobs [--json]                                   Lista los trabajos
  report TRABAJO --out ARCHIVO(.csv|.xlsx)        Exporta el informe de errores
  sandbox [--port N]                              Inicia el CRM de prueba

Opciones comunes: --lang es|en, --json. El token se lee de la variable de entorno CARGA_TOKEN
(o la que indique --token-env), nunca de un argumento.`,
    en: `Carga — loads spreadsheets into rate-limited CRMs.

Usage: carga <command> [options]

Commands:
  inspect FILE [--sheet NAME] [--json]            Show what was detected and the first rows
  check FILE --template T.json [--json]           Validate every row without sending anything
  import FILE [--template T.json] [...]           Import into the CRM (the sandbox CRM by default)
  resume JOB                                      Resume a stopped job
  retry JOB [--uncertain]                         Retry the failed rows
  jobs [--json]                                   List the jobs
  report JOB --out FILE(.csv|.xlsx)               Export the error report
  sandbox [--port N]                              Start the sandbox CRM

Common options: --lang es|en, --json. The token is read from the CARGA_TOKEN environment
variable (or the one named by --token-env), never from an argument.`,
  },
  'cli.unknown-command': {
    es: 'Comando desconocido: «{name}». Escriba «carga --help» para ver los comandos.',
    en: 'Unknown command: "{name}". Type "carga --help" to see the commands.',
  },
  'cli.internal-error': {
    es: 'Error interno de Carga: {detail}. Ninguna fila se dio por cargada sin confirmación del CRM; repita el comando y, si persiste, informe este mensaje.',
    en: 'Carga internal error: {detail}. No row was taken as loaded without the CRM confirming it; run the command again and, if it persists, report this message.',
  },
  'cli.bad-arguments': {
    es: 'Argumentos no válidos: {detail}. Escriba «carga --help».',
    en: 'Invalid arguments: {detail}. Type "carga --help".',
  },
  'cli.missing-file': {
    es: 'Falta el archivo a importar. Uso: carga {command} ARCHIVO [opciones].',
    en: 'The file to import is missing. Usage: carga {command} FILE [options].',
  },
  'cli.missing-job': {
    es: 'Falta el identificador del trabajo. Uso: carga {command} TRABAJO. Vea los trabajos con «carga jobs».',
    en: 'The job id is missing. Usage: carga {command} JOB. List jobs with "carga jobs".',
  },
  'cli.bad-number': {
    es: '{flag} espera un número entero positivo, no «{value}».',
    en: '{flag} expects a positive whole number, not "{value}".',
  },
  'cli.bad-pair': {
    es: '{flag} espera «nombre=valor», no «{value}».',
    en: '{flag} expects "name=value", not "{value}".',
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
  'cli.unknown-target': {
    es: 'Destino desconocido «{value}». Destinos: {targets}.',
    en: 'Unknown target "{value}". Targets: {targets}.',
  },
  'cli.target-needed': {
    es: 'Indique una plantilla (--template T.json) o un destino (--target), uno de: {targets}.',
    en: 'Give a template (--template T.json) or a target (--target), one of: {targets}.',
  },
  'cli.bad-format': {
    es: 'El informe debe terminar en .csv, .xlsx o .txt (resumen): «{path}».',
    en: 'The report must end in .csv, .xlsx or .txt (summary): "{path}".',
  },
  'cli.report-written': {
    es: 'Informe guardado en {path}',
    en: 'Report saved to {path}',
  },
  'cli.no-jobs': {
    es: 'No hay trabajos en {dir}.',
    en: 'There are no jobs in {dir}.',
  },
} as const satisfies MessageCatalog;
