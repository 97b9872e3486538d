package io.echostack.events.queue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope's {@code data}: which command class runs the job and its serialized form. Laravel puts
 * {@code Illuminate\Broadcasting\BroadcastEvent} and a PHP {@code serialize()} string here; we put
 * {@link BroadcastJob#COMMAND_NAME} and a JSON string. Other keys (e.g. {@code batchId}) are kept as they are.
 */
@JsonPropertyOrder({"commandName", "command"})
public final class JobData {
    private final String commandName;
    private final String command;
    private final Map<String, JsonNode> extra = new LinkedHashMap<>();

    @JsonCreator
    public JobData(@JsonProperty("commandName") String commandName, @JsonProperty("command") String command) {
        this.commandName = commandName;
        this.command = command;
    }

    @JsonProperty("commandName")
    public String commandName() {
        return commandName;
    }

    @JsonProperty("command")
    public String command() {
        return command;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    @JsonAnySetter
    void putExtra(String name, JsonNode value) {
        extra.put(name, value);
    }
}
