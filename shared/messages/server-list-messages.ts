import type { MessageCatalog } from './catalog-types';

/**
 * Texts about the lists a server declares (Thalamus's category/type pairs and statuses): reading
 * them, and the rows Check finds outside them. Each names the valid options, so the operator can
 * fix the cell or add a value map without looking anything up.
 */
export const serverListMessages = {
  'lists.not-offered': {
    es: 'Este destino no publica listas de valores; solo Thalamus las tiene (categorías, tipos y estados).',
    en: 'This target publishes no lists of values; only Thalamus has them (categories, types and statuses).',
  },
  'lists.unreadable-case-types': {
    es: 'Thalamus respondió a la lista de categorías y tipos con algo que Carga no puede leer (código {code}). Revise que la dirección del servidor sea la de Thalamus, con su ruta si la tiene.',
    en: 'Thalamus answered the list of categories and types with something Carga cannot read (code {code}). Check that the server address is Thalamus’s, with its path if it has one.',
  },
  'lists.unreadable-statuses': {
    es: 'Thalamus respondió a la lista de estados con algo que Carga no puede leer (código {code}). Revise que la dirección del servidor sea la de Thalamus, con su ruta si la tiene.',
    en: 'Thalamus answered the list of statuses with something Carga cannot read (code {code}). Check that the server address is Thalamus’s, with its path if it has one.',
  },
  'lists.unavailable': {
    es: 'Carga no pudo leer las listas de Thalamus, así que las categorías, los tipos y los estados no se revisaron contra ellas: {detail}',
    en: 'Carga could not read Thalamus’s lists, so categories, types and statuses were not checked against them: {detail}',
  },
  'lists.party-needed': {
    es: 'Thalamus aceptó el token y el touchpoint, pero solo muestra sus listas de categorías, tipos y estados a una parte que inicia sesión. En el paso Asignar, asigne la columna de la parte (o un valor fijo): Carga las lee con la parte de la primera fila.',
    en: 'Thalamus accepted the token and the touchpoint, but shows its lists of categories, types and statuses only to a party that logs in. In the Map step, map the party column (or set a fixed value): Carga reads them as the first row’s party.',
  },
  'validation.list-pair-invalid': {
    es: 'Fila {row}: la categoría «{category}» con el tipo «{type}» no es una pareja que Thalamus acepte. Parejas válidas (categoría/tipo): {options}. Corrija las celdas o, en el paso Asignar, traduzca los valores del archivo a los códigos de Thalamus.',
    en: 'Row {row}: category «{category}» with type «{type}» is not a pair Thalamus accepts. Valid pairs (category/type): {options}. Correct the cells or, in the Map step, translate the file’s values into Thalamus’s codes.',
  },
  'validation.list-status-unknown': {
    es: 'Fila {row}: el estado «{value}» no existe en Thalamus. Un caso nuevo puede crearse en: {options}. Corrija la celda o tradúzcala en el paso Asignar.',
    en: 'Row {row}: status «{value}» does not exist in Thalamus. A new case can be created in: {options}. Correct the cell or translate it in the Map step.',
  },
  'validation.list-status-not-initial': {
    es: 'Fila {row}: el estado «{value}» no es inicial y un caso nuevo solo puede crearse en: {options}. Corrija la celda o tradúzcala en el paso Asignar.',
    en: 'Row {row}: status «{value}» is not an initial status, and a new case can only be created in: {options}. Correct the cell or translate it in the Map step.',
  },
  'check.kind.not-in-server-list': {
    es: 'Valores fuera de las listas de Thalamus',
    en: 'Values outside Thalamus’s lists',
  },
} as const satisfies MessageCatalog;
