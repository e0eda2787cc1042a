import type { MessageCatalog } from './catalog-types';

/** Texts of the job engine: runs, pauses, quota, journal. */
export const engineMessages = {
  'job.in-flight-at-crash': {
    es: 'Esta fila se estaba enviando cuando el trabajo se interrumpió: el CRM pudo haberla creado o no. Búsquela en el CRM; si no está, reintente las filas inciertas; si está, omítala.',
    en: 'This row was being sent when the job was interrupted: the CRM may or may not have created it. Look for it in the CRM; if it is not there, retry the uncertain rows; if it is, skip it.',
  },
  'job.invalid-row': {
    es: 'La fila no pasó la validación local y no se envió.',
    en: 'The row failed local validation and was not sent.',
  },
  'job.mapping-blocked': {
    es: 'El mapeo está incompleto: faltan campos obligatorios. Complete el mapeo antes de importar.',
    en: 'The mapping is incomplete: required fields are missing. Complete the mapping before importing.',
  },
  'job.read-failed': {
    es: 'No se pudo seguir leyendo el archivo: {detail}',
    en: 'The file could not be read any further: {detail}',
  },
  'job.quota-reached': {
    es: 'Se alcanzó la cuota diaria del token. El trabajo quedó en pausa y puede reanudarse cuando el contador se reinicie ({resetsAt}).',
    en: 'The token’s daily quota has been reached. The job is paused and can resume when the counter resets ({resetsAt}).',
  },
  'job.partial-batch': {
    es: 'El CRM agregó {added} de los {sent} registros de este lote y no dijo cuáles. Revise en la campaña cuáles faltan antes de reenviarlos, para no duplicarlos.',
    en: 'The CRM added {added} of the {sent} records in this batch without saying which. Check the campaign for the missing ones before sending them again, so none is duplicated.',
  },
  'job.file-changed': {
    es: 'El archivo «{name}» cambió desde que comenzó este trabajo: su contenido ya no es el que el trabajo empezó a enviar, así que se detuvo sin enviar ninguna fila que no pueda probar igual. Importe el archivo cambiado como un trabajo nuevo: las filas que el destino ya aceptó se omiten, así que ninguna se envía dos veces.',
    en: 'The file "{name}" changed since this job began: its content is no longer what the job started sending, so it stopped without sending any row it cannot prove is the same. Import the changed file as a new job: rows the destination already accepted are skipped, so none is sent twice.',
  },
  'job.not-found': {
    es: 'No existe el trabajo «{jobId}».',
    en: 'There is no job "{jobId}".',
  },
  'job.already-running': {
    es: 'El trabajo «{jobId}» ya está en curso.',
    en: 'The job "{jobId}" is already running.',
  },
  'job.no-token': {
    es: 'La conexión «{name}» no tiene token guardado. Ingréselo de nuevo para continuar.',
    en: 'The connection "{name}" has no saved token. Enter it again to continue.',
  },
  'job.connection-not-found': {
    es: 'No existe la conexión «{id}».',
    en: 'There is no connection "{id}".',
  },
  'job.template-not-found': {
    es: 'No existe la plantilla «{name}».',
    en: 'There is no template "{name}".',
  },
  'job.needs-more-days': {
    es: 'Este trabajo necesita {requests} solicitudes y al token le quedan {remaining} hoy: tomará unos {days} días de cuota. Se pausará al llegar al límite y podrá reanudarse.',
    en: 'This job needs {requests} requests and the token has {remaining} left today: it will take about {days} days of quota. It will pause at the limit and can be resumed.',
  },
  'job.unexpected-error': {
    es: 'Error inesperado: {detail}',
    en: 'Unexpected error: {detail}',
  },
  'job.sandbox-off': {
    es: 'El CRM de prueba no está iniciado en esta sesión.',
    en: 'The sandbox CRM is not running in this session.',
  },
  'job.sandbox-read-only': {
    es: 'La conexión del CRM de prueba viene incluida y no se puede modificar ni borrar.',
    en: 'The sandbox CRM connection is built in and cannot be changed or deleted.',
  },
  'job.quota-unknown': {
    es: 'Este destino no informa la cuota del token. Fije un límite diario en la conexión para que Carga no lo supere.',
    en: 'This target does not report the token’s quota. Set a daily limit on the connection so Carga never goes past it.',
  },
  'job.connection-failed': {
    es: 'No se pudo conectar con el servidor: {detail}. Revise el servidor y la red.',
    en: 'Could not connect to the server: {detail}. Check the server and the network.',
  },
  'engine.no-sandbox': {
    es: 'Esta forma de abrir Carga no tiene sandbox integrado; no hay nada que reiniciar.',
    en: 'Carga was opened without the embedded sandbox; there is nothing to reset.',
  },
  'engine.sandbox-quota-used-up': {
    es: 'La cuota de hoy de este destino del sandbox se agotó (cada destino tiene la suya). Para seguir ensayando, pulse «Reiniciar el sandbox»: la cuota vuelve a estar completa.',
    en: 'Today’s quota of this sandbox destination is used up (each destination has its own). To keep rehearsing, press “Reset the sandbox”: the quota is whole again.',
  },
  'job.connection-incomplete': {
    es: 'A la conexión «{name}» le falta: {fields}. Complétela antes de importar.',
    en: 'The connection "{name}" is missing: {fields}. Complete it before importing.',
  },
} as const satisfies MessageCatalog;
