// Bundles a benchmark's in-page script (TypeScript that imports the product's own modules) with the project's webpack.
import path from "node:path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..");

/**
 * Bundles `entry` (a path relative to the repository root) into `outDir`/`name`.js, production mode as the pane
 * ships, ts-loader transpile-only. @throws Error with webpack's errors when the bundle fails.
 */
export function bundlePage(entry: string, outDir: string, name: string): Promise<void> {
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    entry: { [name]: entry },
    output: { path: outDir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve();
    }),
  );
}
