//! A time of day on a 24-hour clock, to the minute.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes in a day: the clock wraps here.
pub(crate) const DAY_MINUTES: u16 = 1440;

/// A time of day, to the minute: minutes past midnight, 0 to 1439.
///
/// The Social Rhythm Metric asks for the clock time of each activity (Monk et
/// al. 1990 \[K\]); a date is not part of it. A bedtime of `00:30` written for
/// Monday is thirty minutes after Monday's midnight: scoring treats the clock
/// as a circle (see [`ClockTime::distance`]).
///
/// JSON: `"HH:MM"`, two digits each, `"00:00"` to `"23:59"`.
///
/// ```
/// use interpersonal::ipsrt::ClockTime;
///
/// let bedtime: ClockTime = "23:30".parse()?;
/// assert_eq!(bedtime.minutes(), 23 * 60 + 30);
/// assert_eq!(bedtime.to_string(), "23:30");
/// let late: ClockTime = "00:30".parse()?;
/// assert_eq!(bedtime.distance(late), 60); // not 23 hours
/// assert!("24:00".parse::<ClockTime>().is_err());
/// # Ok::<(), interpersonal::ipsrt::ClockTimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClockTime(u16);

impl ClockTime {
    /// Midnight, `00:00`.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// assert_eq!(ClockTime::MIDNIGHT.to_string(), "00:00");
    /// ```
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    /// The time `hour:minute`, or `None` unless `hour` is 0 to 23 and
    /// `minute` 0 to 59.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// assert_eq!(ClockTime::from_hm(7, 5).unwrap().to_string(), "07:05");
    /// assert!(ClockTime::from_hm(24, 0).is_none());
    /// ```
    pub const fn from_hm(hour: u8, minute: u8) -> Option<Self> {
        if hour < 24 && minute < 60 {
            Some(ClockTime(hour as u16 * 60 + minute as u16))
        } else {
            None
        }
    }

    /// The time `minutes` past midnight, or `None` from 1440 on.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// assert_eq!(ClockTime::from_minutes(90).unwrap().to_string(), "01:30");
    /// assert!(ClockTime::from_minutes(1440).is_none());
    /// ```
    pub const fn from_minutes(minutes: u16) -> Option<Self> {
        if minutes < DAY_MINUTES {
            Some(ClockTime(minutes))
        } else {
            None
        }
    }

    /// The time `minutes` past midnight, wrapping around the clock (so 1440
    /// is midnight again and -30 is `23:30`).
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// assert_eq!(ClockTime::wrapping(-30).to_string(), "23:30");
    /// assert_eq!(ClockTime::wrapping(1440 + 75).to_string(), "01:15");
    /// ```
    pub fn wrapping(minutes: i64) -> Self {
        let m = minutes.rem_euclid(i64::from(DAY_MINUTES));
        ClockTime(u16::try_from(m).unwrap_or(0))
    }

    /// Minutes past midnight, 0 to 1439.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::ClockTime::MIDNIGHT.minutes(), 0);
    /// ```
    pub const fn minutes(self) -> u16 {
        self.0
    }

    /// The hour, 0 to 23.
    ///
    /// ```
    /// assert_eq!("21:45".parse::<interpersonal::ipsrt::ClockTime>().unwrap().hour(), 21);
    /// ```
    pub const fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    /// The minute of the hour, 0 to 59.
    ///
    /// ```
    /// assert_eq!("21:45".parse::<interpersonal::ipsrt::ClockTime>().unwrap().minute(), 45);
    /// ```
    pub const fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// This time moved by `minutes` (negative for earlier), around the clock.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// let t = ClockTime::from_hm(23, 0).unwrap();
    /// assert_eq!(t.shifted(90).to_string(), "00:30");
    /// ```
    #[must_use]
    pub fn shifted(self, minutes: i64) -> Self {
        ClockTime::wrapping(i64::from(self.0) + minutes)
    }

    /// The minutes between two times the short way round the clock, 0 to 720:
    /// `23:30` and `00:30` are 60 minutes apart.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// let a = ClockTime::from_hm(22, 0).unwrap();
    /// let b = ClockTime::from_hm(2, 0).unwrap();
    /// assert_eq!(a.distance(b), 240);
    /// assert_eq!(b.distance(a), 240);
    /// ```
    pub fn distance(self, other: ClockTime) -> u16 {
        let d = self.0.abs_diff(other.0);
        d.min(DAY_MINUTES - d)
    }

    /// The signed minutes from `self` to `later` the short way round the clock,
    /// -719 to 720: positive when `later` is later in the day.
    ///
    /// ```
    /// use interpersonal::ipsrt::ClockTime;
    /// let a = ClockTime::from_hm(23, 30).unwrap();
    /// let b = ClockTime::from_hm(0, 15).unwrap();
    /// assert_eq!(a.signed_minutes_to(b), 45);
    /// assert_eq!(b.signed_minutes_to(a), -45);
    /// ```
    pub fn signed_minutes_to(self, later: ClockTime) -> i16 {
        let day = i32::from(DAY_MINUTES);
        let d = (i32::from(later.0) - i32::from(self.0)).rem_euclid(day);
        let signed = if d > day / 2 { d - day } else { d };
        i16::try_from(signed).unwrap_or(0)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// Text that is not a time of day written `HH:MM`. The text itself is not
/// kept: it may be patient text typed in the wrong place.
///
/// ```
/// use interpersonal::ipsrt::{ClockTime, ClockTimeError};
/// assert_eq!("7:05".parse::<ClockTime>(), Err(ClockTimeError::NotHhMm));
/// assert_eq!("25:00".parse::<ClockTime>(), Err(ClockTimeError::HourOutOfRange));
/// assert_eq!("07:60".parse::<ClockTime>(), Err(ClockTimeError::MinuteOutOfRange));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ClockTimeError {
    /// Not two digits, a colon and two digits.
    #[error("expected a time of day written HH:MM, such as 07:05")]
    NotHhMm,
    /// The hour is above 23.
    #[error("expected a time of day with an hour from 00 to 23")]
    HourOutOfRange,
    /// The minute is above 59.
    #[error("expected a time of day with a minute from 00 to 59")]
    MinuteOutOfRange,
}

impl FromStr for ClockTime {
    type Err = ClockTimeError;

    fn from_str(s: &str) -> Result<Self, ClockTimeError> {
        let b = s.as_bytes();
        let [h1, h2, b':', m1, m2] = b else {
            return Err(ClockTimeError::NotHhMm);
        };
        let digits = [*h1, *h2, *m1, *m2];
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(ClockTimeError::NotHhMm);
        }
        let hour = (h1 - b'0') * 10 + (h2 - b'0');
        let minute = (m1 - b'0') * 10 + (m2 - b'0');
        if hour > 23 {
            return Err(ClockTimeError::HourOutOfRange);
        }
        if minute > 59 {
            return Err(ClockTimeError::MinuteOutOfRange);
        }
        ClockTime::from_hm(hour, minute).ok_or(ClockTimeError::NotHhMm)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_display_round_trip() {
        for m in 0..DAY_MINUTES {
            let t = ClockTime(m);
            assert_eq!(t.to_string().parse::<ClockTime>(), Ok(t));
        }
        for bad in [
            "", "0700", "07:5", "7:05", "07-05", "07:05 ", "ab:cd", "+7:05", "07:0a",
        ] {
            assert_eq!(
                bad.parse::<ClockTime>(),
                Err(ClockTimeError::NotHhMm),
                "{bad}"
            );
        }
        assert!(serde_json::from_str::<ClockTime>(r#""Maria""#).is_err());
        assert_eq!(serde_json::to_string(&ClockTime(65)).unwrap(), r#""01:05""#);
    }

    #[test]
    fn distances_wrap() {
        let t = |h, m| ClockTime::from_hm(h, m).unwrap();
        assert_eq!(t(23, 30).distance(t(0, 30)), 60);
        assert_eq!(t(0, 0).distance(t(12, 0)), 720);
        assert_eq!(t(12, 0).signed_minutes_to(t(0, 0)), 720);
        assert_eq!(t(0, 0).signed_minutes_to(t(12, 1)), -719);
    }
}
