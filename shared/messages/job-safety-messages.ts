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
  'report.status.needs-review': { es: 'Necesita revisión', en: 'Needs review' },
  'report.status.waiting-crm': { es: 'Esperando al CRM', en: 'Waiting for the CRM' },
} satisfies MessageCatalog;
