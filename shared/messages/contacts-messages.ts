import type { MessageCatalog } from './catalog-types';

/** Creating the contacts a case job was refused for, then retrying those cases (engine and CLI). */
export const contactsMessages = {
  'contacts.not-cases': {
    es: 'Solo un trabajo de casos del CRM de wolkvox puede crear los contactos que faltan.',
    en: 'Only a wolkvox CRM cases job can create the missing contacts.',
  },
  'contacts.none-missing': {
    es: 'Ningún caso fallido de este trabajo tiene un contacto que no exista: no hay contactos que crear.',
    en: 'No failed case of this job names a contact that does not exist: there are no contacts to create.',
  },
  'contacts.underway': {
    es: 'Ya se están creando los contactos de este trabajo. Espere a que termine.',
    en: 'The contacts of this job are already being created. Wait for it to finish.',
  },
  'contacts.unknown-column': {
    es: 'La columna «{column}» no está en el archivo del trabajo.',
    en: 'The column "{column}" is not in the job\'s file.',
  },
  'contacts.column-twice': {
    es: 'Cada columna puede dar un solo dato del contacto: elija columnas distintas.',
    en: 'Each column can give only one detail of the contact: choose different columns.',
  },
  'contacts.key-missing': {
    es: 'Elija la columna del correo o la de la identificación del contacto: es lo que el caso nombra como contacto.',
    en: "Choose the column of the contact's e-mail or ID: it is what the case names as its contact.",
  },
  'contacts.retrying': {
    es: '{contacts} contactos ya existen en el CRM: se reintentan sus {cases} casos (trabajo {caseJobId}).',
    en: '{contacts} contacts now exist in the CRM: their {cases} cases are being retried (job {caseJobId}).',
  },
  'contacts.not-finished': {
    es: 'La carga de contactos {jobId} no terminó, así que los casos no se reintentaron. Reanúdela y luego use otra vez «Crear los contactos que faltan» en el trabajo {caseJobId}: los contactos ya creados no se crean de nuevo.',
    en: 'The contacts import {jobId} did not finish, so the cases were not retried. Resume it, then use "Create the missing contacts" on job {caseJobId} again: contacts already created are not created twice.',
  },
  'contacts.none-created': {
    es: 'No se pudo crear ningún contacto (vea los resultados del trabajo {jobId}), así que los casos no se reintentaron.',
    en: 'No contact could be created (see the results of job {jobId}), so the cases were not retried.',
  },
  'contacts.retry-failed': {
    es: 'Los contactos se crearon, pero los casos no se pudieron reintentar: {detail}. Reintente el trabajo {caseJobId}.',
    en: 'The contacts were created, but the cases could not be retried: {detail}. Retry job {caseJobId}.',
  },

  // The CLI's create-contacts command.
  'cli.command.create-contacts': {
    es: 'Crea los contactos que faltaban a los casos fallidos de un trabajo y reintenta esos casos.',
    en: "Creates the contacts a job's failed cases were missing, then retries those cases.",
  },
  'cli.value.column': { es: 'COLUMNA', en: 'COLUMN' },
  'cli.flag.contact-email': {
    es: 'Columna con el correo del contacto (por defecto, la sugerida).',
    en: "Column with the contact's e-mail (by default, the suggested one).",
  },
  'cli.flag.contact-name': {
    es: 'Columna con el nombre del contacto.',
    en: "Column with the contact's name.",
  },
  'cli.flag.contact-phone': {
    es: 'Columna con el teléfono del contacto.',
    en: "Column with the contact's phone.",
  },
  'cli.flag.contact-id': {
    es: 'Columna con la identificación del contacto (cédula, NIT).',
    en: "Column with the contact's ID number.",
  },
  'cli.contacts.plan': {
    es: '{cases} casos fallaron porque su contacto no existe: se crean {contacts} contactos en el módulo de contactos.',
    en: '{cases} cases failed because their contact does not exist: creating {contacts} contacts in the contacts module.',
  },
  'cli.contacts.columns': {
    es: 'Datos de cada contacto: {columns}',
    en: "Each contact's details: {columns}",
  },
} satisfies MessageCatalog;
