package io.echostack.redis;

/** Redis refused or failed a script (connection lost, timeout, script error): names the script, keeps the cause. */
public class RedisScriptException extends RuntimeException {
    public RedisScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
