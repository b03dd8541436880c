// The words the local renderer understands and which part of a scene each one sets (data only).

export type TimeOfDay = "dawn" | "day" | "dusk" | "night";
export type Weather = "clear" | "cloudy" | "misty" | "rain" | "snow";
export type Season = "spring" | "summer" | "autumn" | "winter";
export type Land = "mountains" | "hills" | "plain" | "city" | "desert";
export type Water = "none" | "lake" | "sea" | "river";
export type SubjectKind =
  | "tree"
  | "pine"
  | "palm"
  | "cactus"
  | "house"
  | "boat"
  | "bird"
  | "person"
  | "flower"
  | "lighthouse"
  | "horse"
  | "deer"
  | "cow"
  | "sheep"
  | "dog"
  | "cat"
  | "castle"
  | "windmill"
  | "tent"
  | "car";
/** Extra scene features that are neither land, water nor a subject. */
export type Feature = "rainbow" | "road";

/** Words (singular, lower case) for each value; a prompt word matches after plural endings are removed. */
export const TIME_WORDS: Record<TimeOfDay, readonly string[]> = {
  dawn: ["dawn", "sunrise", "daybreak", "morning", "early", "aurora"],
  day: ["noon", "midday", "day", "daytime", "afternoon", "sunny", "bright", "summer", "sun", "sunshine", "sunlight", "rainbow"],
  dusk: ["dusk", "sunset", "evening", "twilight", "golden", "sundown"],
  night: ["night", "midnight", "moon", "moonlight", "moonlit", "star", "starry", "dark", "nocturnal"],
};

export const WEATHER_WORDS: Record<Weather, readonly string[]> = {
  clear: ["clear", "cloudless", "sunny", "starry", "star", "moonlit", "bright", "sunshine", "rainbow"],
  cloudy: ["cloud", "cloudy", "overcast", "storm", "stormy", "grey", "gray"],
  misty: ["mist", "misty", "fog", "foggy", "haze", "hazy", "dreamy"],
  rain: ["rain", "rainy", "drizzle", "shower", "wet"],
  snow: ["snow", "snowy", "snowfall", "blizzard", "frost", "frosty", "icy", "ice"],
};

export const SEASON_WORDS: Record<Season, readonly string[]> = {
  spring: ["spring", "blossom", "bloom", "blooming"],
  summer: ["summer", "lush", "green"],
  autumn: ["autumn", "fall", "autumnal", "october", "harvest"],
  winter: ["winter", "snow", "snowy", "frost", "frosty", "christmas"],
};

export const LAND_WORDS: Record<Land, readonly string[]> = {
  mountains: ["mountain", "alp", "alpine", "peak", "summit", "range", "cliff", "volcano", "glacier", "ridge"],
  hills: ["hill", "valley", "meadow", "countryside", "rolling", "vineyard", "village"],
  plain: ["plain", "field", "prairie", "farm", "grassland", "savanna", "park", "garden"],
  city: ["city", "town", "skyline", "street", "skyscraper", "building", "downtown", "urban", "tower"],
  desert: ["desert", "dune", "sand", "sahara", "canyon", "cactus", "cacti", "arizona"],
};

export const WATER_WORDS: Record<Exclude<Water, "none">, readonly string[]> = {
  lake: ["lake", "pond", "lagoon", "reflection", "loch", "pool"],
  sea: ["sea", "ocean", "beach", "coast", "shore", "harbor", "harbour", "bay", "island", "wave", "seaside"],
  river: ["river", "stream", "creek", "brook", "waterfall", "canal"],
};

export const SUBJECT_WORDS: Record<SubjectKind, readonly string[]> = {
  tree: ["tree", "oak", "wood", "woodland", "orchard", "maple", "birch", "willow"],
  pine: ["pine", "forest", "fir", "spruce", "evergreen", "conifer", "taiga"],
  palm: ["palm", "tropical", "tropic", "paradise"],
  cactus: ["cactus", "cacti", "saguaro"],
  house: ["house", "cabin", "cottage", "home", "barn", "hut", "chalet", "farmhouse", "village"],
  boat: ["boat", "ship", "sail", "sailboat", "yacht", "canoe", "kayak", "ferry", "fishing"],
  bird: ["bird", "gull", "seagull", "eagle", "flock", "crow", "swallow", "heron", "goose"],
  person: ["person", "man", "woman", "child", "kid", "hiker", "figure", "people", "traveler", "traveller", "girl", "boy", "walker", "friend"],
  flower: ["flower", "rose", "tulip", "poppy", "daisy", "wildflower", "lavender", "sunflower"],
  lighthouse: ["lighthouse", "beacon"],
  horse: ["horse", "pony", "foal", "stallion", "mare", "rider"],
  deer: ["deer", "stag", "elk", "moose", "reindeer", "doe", "fawn"],
  cow: ["cow", "cattle", "bull", "calf", "herd"],
  sheep: ["sheep", "lamb", "ewe"],
  dog: ["dog", "puppy", "hound", "retriever", "terrier"],
  cat: ["cat", "kitten", "kitty"],
  castle: ["castle", "fortress", "palace", "citadel", "kingdom"],
  windmill: ["windmill", "mill"],
  tent: ["tent", "camp", "camping", "campsite", "campfire"],
  car: ["car", "truck", "van", "jeep", "automobile", "taxi", "drive", "roadtrip"],
};

export const FEATURE_WORDS: Record<Feature, readonly string[]> = {
  rainbow: ["rainbow"],
  road: ["road", "path", "trail", "lane", "highway", "drive", "roadtrip", "track"],
};

/** Count words before a subject ("two boats"). */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  lone: 1,
  lonely: 1,
  solitary: 1,
  two: 2,
  pair: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  several: 4,
  many: 6,
  few: 3,
};
