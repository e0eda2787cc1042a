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
} as const satisfies MessageCatalog;
