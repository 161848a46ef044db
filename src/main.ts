import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { AppConfig } from './common/config/app-config.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = new AppConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen(config.env.PORT, config.env.HOST);
  const url = `http://localhost:${config.env.PORT}`;
  console.log(`Resonanz is running: ${url} (API docs ${url}/api/docs)`);
}

void bootstrap();
