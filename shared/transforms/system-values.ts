/**
 * wolkvox CRM system values: the API takes them only in English, while operators' files carry
 * them in Spanish. Each set lists the English values the API accepts and the Spanish spellings
 * mapped to them by default; a template's value map is merged over these (the template wins).
 * Only translations whose meaning is beyond doubt are here: anything else the operator maps.
 */
export interface SystemValueSet {
  allowed: readonly string[];
  spanish: Readonly<Record<string, string>>;
}

export const CASE_STATUS_VALUES: SystemValueSet = {
  allowed: ['open', 'closed'],
  spanish: { Abierto: 'open', Abierta: 'open', Cerrado: 'closed', Cerrada: 'closed' },
};

export const CASE_PRIORITY_VALUES: SystemValueSet = {
  allowed: ['low', 'medium', 'high'],
  spanish: { Alta: 'high', Alto: 'high', Media: 'medium', Medio: 'medium', Baja: 'low', Bajo: 'low' },
};

export const CASE_TYPE_VALUES: SystemValueSet = {
  allowed: ['Request', 'Complaints', 'Claims', 'Suggestions'],
  spanish: {
    Solicitud: 'Request',
    Solicitudes: 'Request',
    Petición: 'Request',
    Queja: 'Complaints',
    Quejas: 'Complaints',
    Reclamo: 'Claims',
    Reclamos: 'Claims',
    Sugerencia: 'Suggestions',
    Sugerencias: 'Suggestions',
  },
};
