/** An application module that uses threading4j through its module, as a user's would. */
module example.consumer {
    requires org.threading4j;
}
