/**
 * A case job whose cases the CRM refused because their contact does not exist: in Results, the
 * operator creates those contacts from the same rows and the cases are retried, in Chromium
 * through the web front door against the embedded sandbox CRM.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { JobSummary } from '../../shared/contract';
import { templateSchema } from '../../shared/template';
import { axeViolations, blocking, describeViolations } from './axe';
import { launchApp, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { HistoryPage } from './pages/history-page';
import { chooseOption, statValue } from './pages/mantine-select';
import { ResultsPage } from './pages/results-page';
import { RunPage } from './pages/run-page';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const HEADER =
  'Tipo de caso;Responsable;Propietario;Correo cliente;Nombre cliente;Celular;Descripción;Estado;Prioridad';
const ROWS = [
  'Solicitud;ana.gomez@demo;ADMIN_@demo;maria.lopez@example.com;María López;3001112233;Factura duplicada;Abierto;Media',
  'Queja;ana.gomez@demo;ADMIN_@demo;camila.rojas@correo.co;Camila Rojas;3104567890;No llega el técnico;Abierto;Alta',
  'Reclamo;ana.gomez@demo;ADMIN_@demo;jorge.diaz@correo.co;Jorge Díaz;3157654321;Cobro doble;Abierto;Alta',
  'Solicitud;ana.gomez@demo;ADMIN_@demo;camila.rojas@correo.co;Camila Rojas;3104567890;Cambio de dirección;Abierto;Baja',
];

const TEMPLATE = templateSchema.parse({
  name: 'Casos de clientes nuevos',
  target: 'wolkvox-crm-cases',
  columns: {
    'Tipo de caso': 'case-type',
    Responsable: 'responsible',
    Propietario: 'owner',
    'Correo cliente': 'contact',
    Descripción: 'description',
    Estado: 'status',
    Prioridad: 'priority',
  },
});

async function finished(engine: E2eApp['engine'], jobId: string): Promise<JobSummary> {
  for (;;) {
    const summary = await engine.getJob({ jobId });
    if (summary.status !== 'running') return summary;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('Results: create the missing contacts, then retry the cases (Chromium)', () => {
  it('turns the missing-contact failures into accepted cases, each contact created once', async () => {
    app = await launchApp({ lang: 'es' });
    const { page, engine } = app;
    const path = join(app.dataDir, 'casos-clientes-nuevos.csv');
    writeFileSync(path, [HEADER, ...ROWS].join('\r\n') + '\r\n', 'utf8');
    const started = await engine.startJob({ path, template: TEMPLATE, connectionId: 'sandbox-cases' });
    expect(await finished(engine, started.jobId)).toMatchObject({ ok: 1, failed: 3 });

    const shell = new AppPage(page);
    await shell.waitUntilReady();
    await shell.historyNav.click();
    const history = new HistoryPage(page);
    await history.row(started.jobId).getByTestId('history-open').click();
    const results = new ResultsPage(page);
    await results.waitForStatus('finished');

    // The CRM's refusal explained in Spanish, with advice about the contact (not about custom
    // fields); its own English words only behind the row's details.
    const refused = page
      .getByTestId('results-explanation')
      .filter({ hasText: 'camila.rojas@correo.co' })
      .first();
    const explanation = (await refused.textContent()) ?? '';
    expect(explanation).toContain('El contacto «camila.rojas@correo.co» no existe en la operación del CRM');
    expect(explanation).toContain('Crear los contactos que faltan');
    expect(explanation).not.toMatch(/DOES NOT EXIST|campo personalizado/i);

    const action = page.getByTestId('results-create-contacts');
    expect(await action.textContent()).toBe('Crear los contactos que faltan (3 casos)');
    await action.click();
    const dialog = page.getByRole('dialog', { name: 'Crear los contactos que faltan' });
    await dialog.waitFor({ state: 'visible' });
    expect(await page.getByTestId('create-contacts-emailcontact').inputValue()).toBe('Correo cliente');
    expect(await page.getByTestId('create-contacts-telephonecontact').inputValue()).toBe('Celular');
    await chooseOption(page, page.getByTestId('create-contacts-namecontact'), 'Nombre cliente');
    await app.screenshot('es-create-contacts');
    // Usable by keyboard and screen reader: the dialog passes axe with nothing critical or serious.
    const found = blocking(await axeViolations(page));
    expect(found, describeViolations(found)).toEqual([]);

    await page.getByTestId('create-contacts-confirm').click();
    // The contacts go in, then the Run step follows the retry of exactly those cases.
    const run = new RunPage(page);
    await run.waitForStatus('finished');
    expect(await statValue(run.ok)).toBe(4);
    expect(await statValue(run.failed)).toBe(0);
    await run.results.click();
    await results.waitForStatus('finished');
    expect(await page.getByTestId('results-create-contacts').count()).toBe(0);

    const contacts = await engine.listJobs();
    const contactsJob = contacts.find((job) => job.target === 'wolkvox-crm-records');
    expect(contactsJob).toMatchObject({ status: 'finished', total: 2, ok: 2 });
    const cases = app.sandboxRequests.filter((request) => request.path === '/server/API/v2/cases/insert.php');
    // 4 the first time (1 accepted, 3 refused), then the 3 retried: never a case twice.
    expect(cases.map((request) => request.status)).toEqual([200, 404, 404, 404, 200, 200, 200]);
    const batches = app.sandboxRequests.filter(
      (request) => request.path === '/server/API/v2/custom/insertMany.php',
    );
    expect(batches).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
