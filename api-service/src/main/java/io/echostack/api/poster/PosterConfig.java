package io.echostack.api.poster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "echo.posters")
public interface PosterConfig {

    /** The admin edit page linked in the broadcast; {@code {id}} is replaced by the poster id. */
    @WithDefault("/admin/posters/{id}/edit")
    String editUrl();

    /** The edit page of one poster, as every broadcast about it links it. */
    default String editUrlOf(long posterId) {
        return editUrl().replace("{id}", Long.toString(posterId));
    }

    /** Laravel's {@code app.timezone}: where "this month" starts for the monthly count. */
    @WithDefault("UTC")
    ZoneId timezone();
}
