package io.echostack.api.poster;

/** What happened to a poster, with the seed app's toast wording for it. */
public enum PosterChange {
    CREATED("已新增!"),
    UPDATED("已更新!"),
    DELETED("已删除!");

    private final String suffix;

    PosterChange(String suffix) {
        this.suffix = suffix;
    }

    /** The seed's toast text: {@code 海报☆<title>☆已新增!}. */
    public String message(String title) {
        return "海报☆" + title + "☆" + suffix;
    }
}
