package cn.huimin.domain.model.place;

/** Levels of the public cultural network. A child is always exactly one level below its parent. */
public enum PlaceLevel {
    COUNTY, TOWNSHIP, VILLAGE;

    public PlaceLevel childLevel() {
        return this == COUNTY ? TOWNSHIP : this == TOWNSHIP ? VILLAGE : null;
    }
}
