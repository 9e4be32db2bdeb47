import type { Database } from '../db/database.js';
import { insertApiKey, insertProject } from './store.js';

export interface NewProject {
  projectId: string;
  name: string;
  secretKey: string;
  publishableKey: string;
}

/** A project with one secret and one publishable key, in one transaction; the keys are shown only here. */
export function createProjectWithKeys(db: Database, name: string, now: Date): Promise<NewProject> {
  return db.transaction(async (tx) => {
    const project = await insertProject(tx, name, now);
    const secret = await insertApiKey(tx, project.id, 'secret', 'Default secret key', now);
    const publishable = await insertApiKey(tx, project.id, 'publishable', 'Default publishable key', now);
    return { projectId: project.id, name: project.name, secretKey: secret.secret, publishableKey: publishable.secret };
  });
}
