package io.echostack.events.script;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * {@link ScriptExecutor} over Lettuce (echo-server's Redis client): EVALSHA, EVAL when Redis answers NOSCRIPT.
 * Lettuce is an optional dependency of this module: only users of this class need it on their class path.
 */
public final class LettuceScriptExecutor implements ScriptExecutor {
    private final RedisCommands<String, String> redis;

    public LettuceScriptExecutor(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Object run(LuaScript script, List<String> keys, List<String> args) {
        String[] keyArray = keys.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        ScriptOutputType output =
                script.reply() == LuaScript.Reply.ARRAY ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER;
        try {
            return redis.evalsha(script.sha1(), output, keyArray, argArray);
        } catch (RedisNoScriptException e) {
            return redis.eval(script.source(), output, keyArray, argArray);
        }
    }
}
