#!/usr/bin/env bash
# Writes a throwaway Laravel 8 application into $1 that runs `php artisan queue:work redis` against Redis on
# 127.0.0.1:$2, using Debian's php-laravel-framework (/usr/share/php/Illuminate) and php-redis. Only for the benchmark:
# the queue, redis, broadcasting and cache configuration of a stock app, the failed-job log off, and the one event class
# of the Laravel 8 capture the jobs carry (App\Events\UserNotified, on private-App.Models.User.<id>).
set -euo pipefail
APP=$1
PORT=$2
mkdir -p "$APP/config" "$APP/app/Events" "$APP/bootstrap/cache" "$APP/storage/logs" "$APP/storage/framework/cache"

cat >"$APP/artisan" <<'PHP'
<?php
define('LARAVEL_START', microtime(true));
require '/usr/share/php/Illuminate/autoload.php';
spl_autoload_register(function ($class) {
    if (str_starts_with($class, 'App\\')) {
        require __DIR__ . '/app/' . str_replace('\\', '/', substr($class, 4)) . '.php';
    }
});
$app = new Illuminate\Foundation\Application(__DIR__);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, Illuminate\Foundation\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, Illuminate\Foundation\Exceptions\Handler::class);
$kernel = $app->make(Illuminate\Contracts\Console\Kernel::class);
$status = $kernel->handle($input = new Symfony\Component\Console\Input\ArgvInput(),
    new Symfony\Component\Console\Output\ConsoleOutput());
$kernel->terminate($input, $status);
exit($status);
PHP

cat >"$APP/config/app.php" <<'PHP'
<?php
return [
    'name' => 'queue-bench', 'env' => 'production', 'debug' => false, 'timezone' => 'UTC', 'locale' => 'en',
    'key' => 'base64:' . base64_encode(str_repeat('k', 32)), 'cipher' => 'AES-256-CBC',
    'providers' => [
        Illuminate\Bus\BusServiceProvider::class,
        Illuminate\Cache\CacheServiceProvider::class,
        Illuminate\Foundation\Providers\ConsoleSupportServiceProvider::class,
        Illuminate\Database\DatabaseServiceProvider::class,
        Illuminate\Filesystem\FilesystemServiceProvider::class,
        Illuminate\Queue\QueueServiceProvider::class,
        Illuminate\Redis\RedisServiceProvider::class,
        Illuminate\Broadcasting\BroadcastServiceProvider::class,
    ],
    'aliases' => [],
];
PHP

cat >"$APP/config/queue.php" <<'PHP'
<?php
return [
    'default' => 'redis',
    'connections' => [
        'redis' => ['driver' => 'redis', 'connection' => 'default', 'queue' => 'default', 'retry_after' => 90,
            'block_for' => null, 'after_commit' => false],
    ],
    'failed' => ['driver' => 'null'],
];
PHP

cat >"$APP/config/database.php" <<PHP
<?php
return [
    'default' => 'sqlite',
    'connections' => ['sqlite' => ['driver' => 'sqlite', 'database' => ':memory:', 'prefix' => '']],
    'redis' => [
        'client' => 'phpredis',
        'options' => ['cluster' => 'redis', 'prefix' => 'laravel_database_'],
        'default' => ['host' => '127.0.0.1', 'password' => null, 'port' => $PORT, 'database' => 0],
    ],
];
PHP

cat >"$APP/config/broadcasting.php" <<'PHP'
<?php
return ['default' => 'redis', 'connections' => ['redis' => ['driver' => 'redis', 'connection' => 'default']]];
PHP

cat >"$APP/config/cache.php" <<'PHP'
<?php
return ['default' => 'array', 'stores' => ['array' => ['driver' => 'array', 'serialize' => false]], 'prefix' => 'bench'];
PHP

cat >"$APP/config/logging.php" <<'PHP'
<?php
return ['default' => 'stderr', 'channels' => ['stderr' => ['driver' => 'monolog',
    'handler' => Monolog\Handler\StreamHandler::class, 'with' => ['stream' => 'php://stderr']]]];
PHP

cat >"$APP/app/Events/UserNotified.php" <<'PHP'
<?php
namespace App\Events;

use Illuminate\Broadcasting\PrivateChannel;
use Illuminate\Contracts\Broadcasting\ShouldBroadcast;

/** The event of the Laravel 8 capture (queue-jobs.jsonl): its public properties are the broadcast data. */
class UserNotified implements ShouldBroadcast
{
    public $userId;
    public $message;
    public $meta;
    public $socket;

    public function broadcastOn()
    {
        return new PrivateChannel('App.Models.User.' . $this->userId);
    }
}
PHP
