import type { MessageCatalog } from './catalog-types';

/** `carga <command> --help`: what each command does, the placeholder of each value, one line per
 * flag, and the command line's own complaints (unknown flag, missing value…). */
export const cliHelpMessages = {
  // Help layout
  'cli.help.usage': {
    es: 'Uso: carga {command}{args} [opciones]',
    en: 'Usage: carga {command}{args} [options]',
  },
  'cli.help.options': { es: 'Opciones:', en: 'Options:' },
  'cli.help.allowed': { es: 'Valores: {allowed}.', en: 'Values: {allowed}.' },
  'cli.help.top-usage': { es: 'Uso: carga <comando> [opciones]', en: 'Usage: carga <command> [options]' },
  'cli.help.commands': { es: 'Comandos:', en: 'Commands:' },
  'cli.help.top-footer': {
    es: 'Escriba «carga <comando> --help» para ver todas las opciones de un comando.\nEl token se lee de la variable de entorno CARGA_TOKEN (o la que indique --token-env), nunca de un argumento.',
    en: 'Type "carga <command> --help" to see every option of a command.\nThe token is read from the CARGA_TOKEN environment variable (or the one named by --token-env), never from an argument.',
  },
  'cli.help.tagline': {
    es: 'Carga — carga hojas de cálculo en CRM con límites de uso.',
    en: 'Carga — loads spreadsheets into rate-limited CRMs.',
  },

  // What each command does
  'cli.command.inspect': {
    es: 'Muestra lo detectado en la hoja de cálculo, cuántas filas tiene y las primeras.',
    en: 'Shows what was detected in the spreadsheet, how many rows it has and the first ones.',
  },
  'cli.command.check': {
    es: 'Valida cada fila con la asignación de columnas, sin enviar nada.',
    en: 'Validates every row against the column mapping, sending nothing.',
  },
  'cli.command.import': {
    es: 'Importa las filas al CRM (por defecto, al CRM de prueba).',
    en: 'Imports the rows into the CRM (the sandbox CRM by default).',
  },
  'cli.command.resume': {
    es: 'Reanuda un trabajo detenido: envía solo las filas pendientes.',
    en: 'Resumes a stopped job: sends only the pending rows.',
  },
  'cli.command.retry': {
    es: 'Envía otra vez las filas fallidas de un trabajo.',
    en: 'Sends the failed rows of a job again.',
  },
  'cli.command.jobs': {
    es: 'Lista los trabajos, del más reciente al más antiguo.',
    en: 'Lists the jobs, newest first.',
  },
  'cli.command.report': {
    es: 'Exporta el informe de un trabajo (.csv, .xlsx o resumen .txt).',
    en: 'Exports the report of a job (.csv, .xlsx or a .txt summary).',
  },
  'cli.command.sandbox': {
    es: 'Inicia el CRM de prueba hasta que se presione Ctrl+C.',
    en: 'Starts the sandbox CRM until Ctrl+C is pressed.',
  },
  'cli.command.sandbox-reset': {
    es: 'Reinicia un sandbox en marcha: sus cuotas del día vuelven a empezar y olvida lo que aceptó.',
    en: 'Resets a running sandbox: its daily quotas start over and it forgets what it accepted.',
  },

  // Placeholders of values
  'cli.value.file': { es: 'ARCHIVO', en: 'FILE' },
  'cli.value.job': { es: 'TRABAJO', en: 'JOB' },
  'cli.value.sheet': { es: 'HOJA', en: 'SHEET' },
  'cli.value.encoding': { es: 'CODIFICACIÓN', en: 'ENCODING' },
  'cli.value.delimiter': { es: 'DELIMITADOR', en: 'DELIMITER' },
  'cli.value.number': { es: 'N', en: 'N' },
  'cli.value.ms': { es: 'MS', en: 'MS' },
  'cli.value.target': { es: 'DESTINO', en: 'TARGET' },
  'cli.value.column-field': { es: 'COLUMNA=CAMPO', en: 'COLUMN=FIELD' },
  'cli.value.field-value': { es: 'CAMPO=VALOR', en: 'FIELD=VALUE' },
  'cli.value.server': { es: 'SERVIDOR', en: 'SERVER' },
  'cli.value.variable': { es: 'VARIABLE', en: 'VARIABLE' },
  'cli.value.field-type': { es: 'CAMPO=TIPO', en: 'FIELD=TYPE' },
  'cli.value.folder': { es: 'CARPETA', en: 'FOLDER' },
  'cli.value.text': { es: 'TEXTO', en: 'TEXT' },
  'cli.value.id': { es: 'ID', en: 'ID' },
  'cli.value.lang': { es: 'IDIOMA', en: 'LANGUAGE' },

  // One line per flag
  'cli.flag.help': { es: 'Muestra esta ayuda.', en: 'Shows this help.' },
  'cli.flag.lang': {
    es: 'Idioma de los mensajes (por defecto, el del sistema).',
    en: 'Language of the messages (the system’s by default).',
  },
  'cli.flag.json': {
    es: 'Escribe un solo objeto JSON en la salida estándar, para otros programas.',
    en: 'Writes one JSON object on standard output, for other programs.',
  },
  'cli.flag.sheet': {
    es: 'Hoja del libro Excel que se lee (por defecto, la primera con datos).',
    en: 'Sheet of the Excel workbook to read (the first with data by default).',
  },
  'cli.flag.encoding': {
    es: 'Codificación del CSV, si la detectada no es la correcta.',
    en: 'Encoding of the CSV, when the detected one is wrong.',
  },
  'cli.flag.delimiter': {
    es: 'Separador de columnas del CSV, si el detectado no es el correcto.',
    en: 'Column separator of the CSV, when the detected one is wrong.',
  },
  'cli.flag.header-row': {
    es: 'Fila del encabezado como la numera Excel, menos 1 (0 = primera fila).',
    en: 'Row of the header as Excel numbers it, minus 1 (0 = first row).',
  },
  'cli.flag.template': {
    es: 'Plantilla guardada (JSON) con el destino y la asignación de columnas.',
    en: 'Saved template (JSON) with the target and the column mapping.',
  },
  'cli.flag.target': {
    es: 'Destino de las filas, si no hay plantilla.',
    en: 'Where the rows go, when there is no template.',
  },
  'cli.flag.map': {
    es: 'Envía una columna del archivo a un campo del CRM (se puede repetir).',
    en: 'Sends a column of the file to a CRM field (may be repeated).',
  },
  'cli.flag.set': {
    es: 'Da el mismo valor a un campo en todas las filas (se puede repetir).',
    en: 'Gives a field the same value in every row (may be repeated).',
  },
  'cli.flag.server': {
    es: 'Servidor del CRM (p. ej. https://crm.wolkvox.com) o «sandbox» para el CRM de prueba.',
    en: 'CRM server (e.g. https://crm.wolkvox.com) or "sandbox" for the sandbox CRM.',
  },
  'cli.flag.token-env': {
    es: 'Variable de entorno que tiene el token (por defecto, CARGA_TOKEN).',
    en: 'Environment variable holding the token (CARGA_TOKEN by default).',
  },
  'cli.flag.daily-limit': {
    es: 'Solicitudes por día que puede usar este token.',
    en: 'Requests per day this token may use.',
  },
  'cli.flag.jobs-dir': {
    es: 'Carpeta de los trabajos (por defecto, la de CARGA_HOME o ~/.carga).',
    en: 'Folder of the jobs (CARGA_HOME’s or ~/.carga by default).',
  },
  'cli.flag.operation': {
    es: 'Operación de wolkvox a la que se envían los casos o registros.',
    en: 'wolkvox operation the cases or records go to.',
  },
  'cli.flag.module': {
    es: 'Módulo del CRM de wolkvox que recibe los registros.',
    en: 'wolkvox CRM module that receives the records.',
  },
  'cli.flag.touchpoint': {
    es: 'Punto de contacto de Thalamus que recibe los casos.',
    en: 'Thalamus touchpoint that receives the cases.',
  },
  'cli.flag.party-password-env': {
    es: 'Variable de entorno con la contraseña de las partes de Thalamus (omítala si el touchpoint no usa contraseña).',
    en: "Environment variable holding the Thalamus parties' password (leave it out when the touchpoint takes none).",
  },
  'cli.flag.type': {
    es: 'Tipo de un campo que el CRM tipa: CAMPO=text|boolean|number|decimal|date|address|search|relationship|table (se puede repetir).',
    en: 'Type of a field the CRM types: FIELD=text|boolean|number|decimal|date|address|search|relationship|table (may be repeated).',
  },
  'cli.flag.campaign-id': {
    es: 'Número de la campaña de wolkvox Manager.',
    en: 'Number of the wolkvox Manager campaign.',
  },
  'cli.flag.campaign-type': { es: 'Tipo de la campaña.', en: 'Type of the campaign.' },
  'cli.flag.campaign-status': {
    es: 'Estado en que queda la campaña tras la carga (por defecto, active).',
    en: 'Status the campaign is left in after the upload (active by default).',
  },
  'cli.flag.extra-status': {
    es: 'Estado de caso que su CRM de wolkvox tiene además de open y closed, escrito como en el CRM (por ejemplo "in progress"; se puede repetir).',
    en: 'A case status your wolkvox CRM has besides open and closed, spelled as in the CRM (for example "in progress"; may be repeated).',
  },
  'cli.flag.extra-priority': {
    es: 'Prioridad de caso que su CRM de wolkvox tiene además de low, medium y high, escrita como en el CRM (por ejemplo urgent; se puede repetir).',
    en: 'A case priority your wolkvox CRM has besides low, medium and high, spelled as in the CRM (for example urgent; may be repeated).',
  },
  'cli.flag.report': {
    es: 'Al terminar, guarda el informe de errores en este archivo (.csv, .xlsx o .txt).',
    en: 'When done, saves the error report to this file (.csv, .xlsx or .txt).',
  },
  'cli.flag.allow-duplicates': {
    es: 'Envía también las filas que el destino ya recibió en cargas anteriores (por defecto se omiten).',
    en: 'Also sends the rows the destination already received in earlier loads (they are skipped by default).',
  },
  'cli.flag.uncertain': {
    es: 'Envía también las filas sin confirmar (el CRM pudo haberlas recibido).',
    en: 'Also sends the unconfirmed rows (the CRM may have received them).',
  },
  'cli.flag.out': {
    es: 'Archivo del informe: .csv o .xlsx para los errores, .txt para el resumen.',
    en: 'Report file: .csv or .xlsx for the errors, .txt for the summary.',
  },
  'cli.flag.failed-rows': {
    es: 'Exporta las filas fallidas tal como estaban en el archivo, para corregirlas y volver a cargarlas.',
    en: 'Exports the failed rows as they were in the file, to fix them and load them again.',
  },
  'cli.flag.accepted': {
    es: 'Exporta las filas que el CRM recibió, con el ID que les dio (el informe de filas cargadas).',
    en: 'Exports the rows the CRM accepted, with the ID it gave them (the loaded rows report).',
  },
  'cli.flag.port': { es: 'Puerto en 127.0.0.1 (0 = uno libre).', en: 'Port on 127.0.0.1 (0 = a free one).' },
  'cli.flag.latency': {
    es: 'Demora de cada respuesta, en milisegundos.',
    en: 'Delay of each answer, in milliseconds.',
  },
  'cli.flag.jitter': {
    es: 'Demora adicional al azar, hasta estos milisegundos.',
    en: 'Extra random delay, up to these milliseconds.',
  },
  'cli.flag.sandbox-daily-limit': {
    es: 'Solicitudes por día que acepta el token del sandbox.',
    en: 'Requests per day the sandbox token accepts.',
  },
  'cli.flag.license-cap': {
    es: 'Registros como máximo por carga de campaña.',
    en: 'Most records per campaign upload.',
  },
  'cli.flag.quiet': { es: 'No escribe una línea por solicitud.', en: 'Writes no line per request.' },
  'cli.flag.sandbox-reset-port': {
    es: 'Puerto del sandbox en 127.0.0.1: el que mostró «carga sandbox» al iniciar (obligatorio).',
    en: 'The sandbox’s port on 127.0.0.1: the one «carga sandbox» printed when it started (required).',
  },

  // Complaints about the command line
  'cli.unknown-option': {
    es: 'La opción {option} no existe. Escriba «carga {command} --help» para ver las opciones.',
    en: 'There is no option {option}. Type "carga {command} --help" to see the options.',
  },
  'cli.missing-value': { es: 'Falta el valor de {option}.', en: '{option} needs a value.' },
  'cli.unexpected-value': {
    es: '{option} no lleva valor, no «{value}».',
    en: '{option} takes no value, not "{value}".',
  },
  'cli.unexpected-argument': {
    es: 'No se esperaba «{argument}». Uso: carga {command}{args} [opciones].',
    en: 'Unexpected argument "{argument}". Usage: carga {command}{args} [options].',
  },
  'cli.bad-choice': {
    es: 'Valor no válido para {option}: «{value}». Valores posibles: {allowed}.',
    en: 'Invalid value for {option}: "{value}". Possible values: {allowed}.',
  },
  'cli.bad-whole-number': {
    es: 'El valor de {option} no es válido: «{value}». Debe ser un número entero entre {min} y {max}.',
    en: 'Invalid value for {option}: "{value}". It must be a whole number from {min} to {max}.',
  },
  'cli.connection-incomplete': {
    es: 'Para este destino falta {flags}: indíquelo en la línea de comandos o en la conexión de la plantilla.',
    en: 'This target also needs {flags}: give it on the command line or in the template’s connection.',
  },
} as const satisfies MessageCatalog;
