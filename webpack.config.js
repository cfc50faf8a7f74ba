// Builds the task pane and the ribbon commands into dist/, with manifest.xml (production URLs),
// the icons and a local copy of office.js (no network at run time, also outside Office).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const urlDev = 'https://localhost:3000/';
// Where the built add-in is hosted; set PHAN_CONG_URL when deploying.
const urlProd = process.env.PHAN_CONG_URL || 'https://phan-cong.gov.vn/addin/';

const OFFICE_FILES = /(^|[\\/])(office(_strings)?|excel-[\w.-]+|excelwebapp-[\w.-]+|o15apptofilemappingtable|es6-promise)\.js$/;

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json', transpileOnly: true } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : Buffer.from(content.toString().replaceAll(urlDev, urlProd))),
          },
          {
            from: 'node_modules/@microsoft/office-js/dist',
            to: 'office-js',
            filter: (p) => OFFICE_FILES.test(p) && !/\.debug\.js$/.test(p) && (/[\\/]dist[\\/][^\\/]+$/.test(p) || /[\\/](en-us|vi-vn)[\\/]office_strings\.js$/.test(p)),
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
      server: 'http',
    },
  };
};
