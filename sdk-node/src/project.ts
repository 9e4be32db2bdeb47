// The project the secret key belongs to (its id goes into customer tokens).
import { unwrap, type NozleClient, type Schemas } from '@nozle/openapi';

export type Project = Schemas['Project'];

export async function retrieveProject(client: NozleClient): Promise<Project> {
  return unwrap(await client.GET('/v1/project'));
}
