import type { MessageCatalog } from './catalog-types';

/** Texts of a job's safety nets across a real day: a damaged journal, a CRM that is down, a setup
 * that fails every row, a source file that changed. */
export const jobSafetyMessages = {
  'job.journal-short': {
    es: 'El registro de envíos de este trabajo está incompleto: guarda {found} de las {expected} anotaciones de envíos que tenía (¿se borró o se vació outcomes.jsonl?). No se sabe qué filas llegaron al CRM, así que el trabajo necesita revisión: reanudar o reintentar podría duplicarlas y no se hará mientras el registro del destino no pruebe qué filas se aceptaron.',
    en: 'This job’s record of sends is incomplete: it holds {found} of the {expected} notes about sends it had (was outcomes.jsonl deleted or emptied?). Which rows reached the CRM is unknown, so the job needs review: resuming or retrying could duplicate them and is refused unless the destination’s record proves which rows were accepted.',
  },
  'job.journal-corrupt': {
    es: 'El registro de envíos de este trabajo está dañado (línea {line} ilegible). No se sabe con certeza qué filas llegaron al CRM, así que el trabajo necesita revisión: reanudar o reintentar podría duplicarlas y no se hará mientras el registro del destino no pruebe qué filas se aceptaron.',
    en: 'This job’s record of sends is damaged (line {line} cannot be read). Which rows reached the CRM is not certain, so the job needs review: resuming or retrying could duplicate them and is refused unless the destination’s record proves which rows were accepted.',
  },
  'job.checkpoint-unreadable': {
    es: 'El punto de control de este trabajo (checkpoint.json) está dañado, así que no se puede comprobar que su registro de envíos esté completo. El trabajo necesita revisión: reanudar o reintentar podría duplicar filas y no se hará mientras el registro del destino no pruebe qué filas se aceptaron.',
    en: 'This job’s checkpoint (checkpoint.json) is damaged, so its record of sends cannot be shown to be complete. The job needs review: resuming or retrying could duplicate rows and is refused unless the destination’s record proves which rows were accepted.',
  },
  'job.folder-damaged': {
    es: 'La carpeta del trabajo {jobId} está dañada: su descripción (job.json) no se puede leer. Los demás trabajos no se ven afectados; este no se puede reanudar.',
    en: 'The folder of job {jobId} is damaged: its description (job.json) cannot be read. Other jobs are not affected; this one cannot be resumed.',
  },
  'job.waiting-crm': {
    es: 'El CRM no responde o está fallando ({code} {message}). Ninguna fila se marca como fallida por eso: la carga espera, lo vuelve a probar con una sola solicitud a las {nextProbeAt} y sigue sola cuando responda.',
    en: 'The CRM is not answering or is failing ({code} {message}). No row is failed for it: the job waits, tries again with a single request at {nextProbeAt}, and goes on by itself when it answers.',
  },
  'job.crm-wait-expired': {
    es: 'El CRM no respondió durante {seconds} s ({code} {message}), más que la espera permitida. La carga se detuvo sin marcar filas como fallidas; reanúdela cuando el CRM vuelva.',
    en: 'The CRM did not answer for {seconds} s ({code} {message}), longer than the wait allowed. The job stopped without failing any row; resume it when the CRM is back.',
  },
  'job.setup-wrong': {
    es: 'El CRM rechazó {count} filas seguidas con el mismo mensaje: «{message}» (filas {rows}). Probablemente la configuración está mal, no las filas: revise la operación, los nombres de los campos personalizados, el id de la campaña o el módulo. La carga se detuvo para no gastar el cupo; después de corregirla, reanúdela: se enviarán las filas pendientes y de nuevo estas {count}.',
    en: 'The CRM refused {count} rows in a row with the same message: “{message}” (rows {rows}). The setup is probably wrong, not the rows: check the operation, the custom field names, the campaign id or the module. The job stopped so as not to spend the quota; after fixing it, resume: the pending rows are sent, and these {count} again.',
  },
  'job.running-elsewhere': {
    es: 'El trabajo «{jobId}» se está ejecutando en otro proceso de Carga (la aplicación, el navegador u otra terminal). Dos procesos no pueden enviar el mismo trabajo a la vez: espere a que termine, o páuselo allí, y vuelva a intentarlo.',
    en: 'The job "{jobId}" is running in another Carga process (the app, the browser or another terminal). Two processes cannot send the same job at once: wait for it to end, or pause it there, and try again.',
  },
  'job.running-in-cli': {
    es: 'Esta importación se está ejecutando en una terminal (el comando carga, proceso {pid}). Dos procesos no pueden enviarla a la vez: para pausarla o cancelarla, hágalo en esa terminal (Ctrl+C la pausa).',
    en: 'This import is running in a terminal (the carga command, process {pid}). Two processes cannot send it at once: to pause or cancel it, do so in that terminal (Ctrl+C pauses it).',
  },
  'job.running-in-electron': {
    es: 'Esta importación se está ejecutando en otra ventana de la aplicación Carga (proceso {pid}). Dos procesos no pueden enviarla a la vez: para pausarla o cancelarla, use esa ventana.',
    en: 'This import is running in another window of the Carga app (process {pid}). Two processes cannot send it at once: to pause or cancel it, use that window.',
  },
  'job.running-in-web': {
    es: 'Esta importación se está ejecutando en Carga en el navegador (proceso {pid}). Dos procesos no pueden enviarla a la vez: para pausarla o cancelarla, use esa página.',
    en: 'This import is running in Carga in the browser (process {pid}). Two processes cannot send it at once: to pause or cancel it, use that page.',
  },
  'cli.flag.max-wait': {
    es: 'Cuánto esperar a un CRM caído antes de detener la carga (se puede reanudar), p. ej. 40s, 5m, 1h; sin esta opción espera lo necesario.',
    en: 'How long to wait for a CRM that is down before stopping the job (it can be resumed), e.g. 40s, 5m, 1h; without it, waits as long as it takes.',
  },
  'cli.value.duration': { es: 'DURACIÓN', en: 'DURATION' },
  'report.status.needs-review': { es: 'Necesita revisión', en: 'Needs review' },
  'report.status.waiting-crm': { es: 'Esperando al CRM', en: 'Waiting for the CRM' },
} satisfies MessageCatalog;
